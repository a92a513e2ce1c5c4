/**
 * The wizard's input pages on scenario v2, mounted in happy-dom against the real state and core:
 * the situation questions (switching keeps the other choice's answers), the data page, the
 * explicit hardware answer (measured with the machine's role, published, or assumed within the
 * physical bound), the fleet editor, and the check page listing every section.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { wizard2En } from '../../src-main/core/i18n/wizard2-en.js';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { throughputFromGflops } from '../../src-main/core/roi/fleet.js';
import { parseScenario, type Scenario } from '../../src-main/core/roi/scenario.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { advisor } from '../../src-renderer/lib/state.svelte.js';
import CheckStep from '../../src-renderer/wizard/CheckStep.svelte';
import DataStep from '../../src-renderer/wizard/DataStep.svelte';
import HardwareStep from '../../src-renderer/wizard/HardwareStep.svelte';
import MoneyStep from '../../src-renderer/wizard/MoneyStep.svelte';
import SituationStep from '../../src-renderer/wizard/SituationStep.svelte';
import StartStep from '../../src-renderer/wizard/StartStep.svelte';
import { benchmarkDocument, measuredRow } from '../support/scenarios.js';
import internalDocuments from '../../resources/scenarios/internal-documents.en.json';
import visualInspection from '../../resources/scenarios/visual-inspection.en.json';
import existingModel from '../../resources/scenarios/existing-language-model.en.json';

const w = wizard2En;

/** A stand-in for the preload bridge, answering the calls a step makes on mount. */
function bridge(answers: Record<string, unknown>): void {
  const api: Record<string, unknown> = {};
  for (const [channel, value] of Object.entries(answers)) api[channel] = async () => ({ ok: true, value });
  api.onHardwareCheckProgress = () => () => {};
  api.onModelBenchmarkProgress = () => () => {};
  (globalThis as Record<string, unknown>).advisor = api;
}

/** The default scenario with the speed-up answered, so that a result exists. */
function answered(preset: 'vit' | 't5' = 'vit'): Scenario {
  const scenario = defaultScenario(preset);
  scenario.deployment.speedup = { ...scenario.deployment.speedup, source: 'assumed', assumed: [{ sparsity: 0.5, value: 1.5, low: 1.3, high: 1.6 }] };
  return scenario;
}

/** A hardware check with a dense row (for the throughput estimate) and measured sparse rows. */
function hardwareCheck() {
  return benchmarkDocument([
    measuredRow('cpu', 0, 1, { variant: 'dense', speedup: null, usefulGflops: 40 }),
    measuredRow('cpu', 0.5, 1.3),
    measuredRow('cpu', 0.75, 1.6),
  ]);
}

beforeEach(() => {
  i18n.set('en');
  advisor.load(answered());
  advisor.useBenchmark(null);
  advisor.summaryFor = null;
});
afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).advisor;
});

describe('Start', () => {
  it('offers the worked examples in the current language and loads the chosen one at the situation', async () => {
    const example = parseScenario(internalDocuments);
    bridge({
      listExamples: [
        { id: 'internal-documents', language: 'en', name: example.name, scenario: example },
        { id: 'internal-documents', language: 'ja', name: '社内文書向け言語モデル', scenario: example },
      ],
      listScenarios: [],
    });
    render(StartStep);
    const button = await screen.findByRole('button', { name: example.name });
    expect(screen.queryByRole('button', { name: '社内文書向け言語モデル' })).toBeNull();
    expect(screen.getByText(uiEn.start.noSaved)).toBeTruthy();
    await fireEvent.click(button);
    expect(advisor.scenario.name).toBe(example.name);
    expect(advisor.step).toBe('situation');
  });
});

describe('the situation', () => {
  it('asks plainly whether the model is trained and where it runs, and shows what was loaded', () => {
    advisor.load(parseScenario(visualInspection));
    render(SituationStep);
    expect((screen.getByLabelText(new RegExp(w.situation.trained)) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(new RegExp(w.situation.fleet)) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('heading', { name: w.situation.status })).toBeTruthy();
    expect(screen.getByRole('heading', { name: new RegExp(w.situation.deployment) })).toBeTruthy();
  });

  it('switches to our own devices with a default fleet and back, keeping what was typed for each', async () => {
    render(SituationStep);
    const metered = advisor.scenario.deployment;
    if (metered.kind !== 'metered') throw new Error('the default runs on rented computers');
    metered.requestsPerDay.value = 2.5e6;
    advisor.scenario.uncertainty.ranges.requestsPerDay = { low: 2e6, high: 3e6, distribution: 'triangular' };
    advisor.scenario.deployment.horizonMonths.value = 48;

    await fireEvent.click(screen.getByLabelText(new RegExp(w.situation.fleet)));
    const fleet = advisor.scenario.deployment;
    expect(fleet.kind).toBe('fleet');
    if (fleet.kind !== 'fleet') return;
    expect(fleet.lines).toHaveLength(1);
    expect(fleet.horizonMonths.value).toBe(48);
    // A range that applies only to rented computers steps aside rather than blocking the page.
    expect(advisor.scenario.uncertainty.ranges.requestsPerDay).toBeUndefined();
    expect(advisor.issues).toEqual([]);
    fleet.lines[0]!.devices = 4;

    await fireEvent.click(screen.getByLabelText(new RegExp(w.situation.metered)));
    const back = advisor.scenario.deployment;
    expect(back.kind === 'metered' && back.requestsPerDay.value).toBe(2.5e6);
    expect(advisor.scenario.uncertainty.ranges.requestsPerDay).toEqual({ low: 2e6, high: 3e6, distribution: 'triangular' });

    await fireEvent.click(screen.getByLabelText(new RegExp(w.situation.fleet)));
    const again = advisor.scenario.deployment;
    expect(again.kind === 'fleet' && again.lines[0]!.devices).toBe(4);
  });

  it('asks for the retraining data only for a trained model, and drops a draft for a field that went away', async () => {
    render(SituationStep);
    await fireEvent.click(screen.getByLabelText(new RegExp(w.situation.trained)));
    expect(advisor.scenario.baseline.status).toBe('trained');
    cleanup();
    render(DataStep);
    const retrain = screen.getByLabelText(w.field.retrainData);
    await fireEvent.input(retrain, { target: { value: 'a lot' } });
    expect(advisor.issuesOn('data')).toHaveLength(1);
    cleanup();
    render(SituationStep);
    await fireEvent.click(screen.getByLabelText(new RegExp(w.situation.planned)));
    cleanup();
    render(DataStep);
    expect(screen.queryByLabelText(w.field.retrainData)).toBeNull();
  });
});

describe('Data volume', () => {
  it('shows live where the data stands and the optimal sparsity', async () => {
    render(DataStep);
    const optimal = () => screen.getByText(/Optimal sparsity for this size and training budget/).textContent!;
    const before = optimal();
    await fireEvent.input(screen.getByLabelText(w.field.uniqueData), { target: { value: '3B' } });
    await fireEvent.input(screen.getByLabelText(w.field.availableData), { target: { value: '6B' } });
    await waitFor(() => expect(optimal()).not.toBe(before));
    expect(optimal()).toMatch(/\d+%/);
    expect(screen.getByText(/Your training data is [\d.,]+× that threshold/)).toBeTruthy();
  });

  it('says what repeated passes are worth as fresh data', async () => {
    render(DataStep);
    await fireEvent.input(screen.getByLabelText(w.field.passes), { target: { value: '90' } });
    await screen.findByText(/seen 90 times are worth about .* of fresh data/);
  });

  it('asks how a language model is built', async () => {
    advisor.load(answered('t5'));
    render(DataStep);
    await fireEvent.click(screen.getByLabelText(w.data.decoderOnly));
    expect(advisor.scenario.architecture.kind).toBe('decoder-only');
  });

  it('computes the model size from its shape', async () => {
    render(DataStep);
    await fireEvent.click(screen.getByText(uiEn.data.layersHelper));
    await fireEvent.input(screen.getByLabelText(uiEn.data.layers), { target: { value: '24' } });
    await fireEvent.input(screen.getByLabelText(uiEn.data.width), { target: { value: '1024' } });
    await fireEvent.click(screen.getByRole('button', { name: /Use .* parameters/ }));
    expect(advisor.scenario.baseline.params.value).toBe(24 * 12 * 1024 * 1024);
  });
});

describe('Hardware: the answer is chosen, never a silent ×1', () => {
  it('leaves the choice open for a new scenario and refuses Continue until it is made', async () => {
    advisor.load(defaultScenario('vit'));
    bridge({ listBenchmarks: [] });
    render(HardwareStep);
    const options = [w.hardware.measured, w.hardware.published, w.hardware.assumed].map((text) => screen.getByLabelText(new RegExp(text.slice(0, 20))) as HTMLInputElement);
    expect(options.map((o) => o.checked)).toEqual([false, false, false]);
    advisor.go('hardware');
    expect(advisor.next()).toBe(false);
    expect(advisor.step).toBe('hardware');
    await screen.findByText(w.issue.speedupUnanswered);
    expect(advisor.result).toBeNull();
  });

  it('takes assumed speed-ups with ranges in absolute ×, shows the physical bound and refuses values above it', async () => {
    advisor.load(defaultScenario('vit'));
    bridge({ listBenchmarks: [] });
    render(HardwareStep);
    await fireEvent.click(screen.getByLabelText(new RegExp(w.hardware.assumed)));
    expect(advisor.scenario.deployment.speedup.assumed).toHaveLength(1);
    const bound = screen.getByText(/^at most ×1\.9\d$/);
    expect(bound).toBeTruthy();
    const value = screen.getByLabelText(`${w.hardware.columns.value} 1`);
    await fireEvent.input(value, { target: { value: '5' } });
    await screen.findByText(/“Assumed speed-up” must not be above the physical bound ×1\.9\d at this sparsity/);
    expect(advisor.issuesOn('hardware').length).toBeGreaterThan(0);
    await fireEvent.input(value, { target: { value: '1.4倍' } });
    const row = advisor.scenario.deployment.speedup.assumed[0]!;
    // A value typed into a row without a range carries the range along.
    expect([row.low, row.value, row.high]).toEqual([1.4, 1.4, 1.4]);
    await fireEvent.input(screen.getByLabelText(`${w.hardware.columns.high} 1`), { target: { value: '1.7' } });
    expect(row.high).toBe(1.7);
    expect(advisor.issuesOn('hardware')).toEqual([]);
    const result = advisor.result!;
    const best = result.options.find((o) => o.id === result.bestSparseId)!;
    expect(best.speedup.kind).toBe('assumed');
    await screen.findByText(/Assumed by you, not measured: ×1\.4 at 50%/);
  });

  it('asks for a measurement when “measured” is chosen, and leads with the machine and its role once there is one', async () => {
    advisor.load(parseScenario(visualInspection));
    bridge({ listBenchmarks: [] });
    render(HardwareStep);
    expect((screen.getByLabelText(new RegExp(w.hardware.measured.slice(0, 20))) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(w.hardware.noBenchmark)).toBeTruthy();
    expect(advisor.issuesOn('hardware').map((i) => i.params?.key)).toEqual(['measureFirst']);

    advisor.measureWith(hardwareCheck());
    await screen.findByText(/^Measured on the development machine \(Test CPU, 2 cores\) on November 27, 2026: sparsifying speeds things up by at most ×1\.6\./);
    expect(advisor.scenario.deployment.speedup.benchmarkId).toBe('bench-test');
    expect(advisor.issuesOn('hardware')).toEqual([]);
    const evidence = () => advisor.result!.options.find((o) => o.kind === 'pruned' || o.kind === 'sparse')!.speedup.evidence;
    expect(evidence()).toBe('development');

    await fireEvent.click(screen.getByLabelText(w.hardware.roleDeployment));
    expect(advisor.benchmarkRole).toBe('deployment');
    await screen.findByText(/^Measured on the deployment machine/);
    expect(evidence()).toBe('deployment');
    expect(advisor.memoBenchmark()).toEqual({ benchmarkId: 'bench-test', benchmarkRole: 'deployment' });
    // A measurement with no sparse timings on the chosen execution provider is no answer either.
    advisor.scenario.deployment.speedup.provider = 'cuda';
    await screen.findByText('The measurement has no sparse timings for this “Execution provider”. Choose the one it was measured with, or measure on this one.');
    expect(advisor.result).toBeNull();
    await screen.findByText(/no sparse speed-up was measured on this execution provider/);
    advisor.scenario.deployment.speedup.provider = 'cpu';
    expect(advisor.issuesOn('hardware')).toEqual([]);
    // The engineer's table stays behind Details.
    const details = screen.getByText(/Details for engineers/).closest('details')!;
    expect(details.open).toBe(false);
  });

  it('uses published figures for a deployment target chosen in the picker', async () => {
    advisor.load(parseScenario(existingModel));
    bridge({ listBenchmarks: [] });
    render(HardwareStep);
    expect(advisor.scenario.deployment.speedup.publishedTarget).toBe('a100-2of4');
    await screen.findByText(/^Published figures for .*: not measured on your hardware\./);
    advisor.scenario.deployment.speedup.publishedTarget = null;
    await waitFor(() => expect(advisor.issuesOn('hardware').map((i) => i.params?.key ?? i.message)).toHaveLength(1));
    const select = screen.getByLabelText('Deployment target') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'a100-2of4' } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Use this target' }));
    expect(advisor.scenario.deployment.speedup.publishedTarget).toBe('a100-2of4');
    expect(advisor.issuesOn('hardware')).toEqual([]);
  });
});

describe('the fleet editor', () => {
  beforeEach(() => {
    advisor.load(parseScenario(visualInspection));
    advisor.measureWith(hardwareCheck());
  });

  it('lists the lines and the planned changes, and edits them as typed', async () => {
    render(MoneyStep);
    const table = screen.getByRole('table', { name: w.money.lines.caption });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 8);
    const devices = screen.getByLabelText('Devices on line 1');
    await fireEvent.input(devices, { target: { value: '2' } });
    const d = advisor.scenario.deployment;
    if (d.kind !== 'fleet') throw new Error('visual inspection runs on line PCs');
    expect(d.lines[0]!.devices).toBe(2);
    await fireEvent.input(devices, { target: { value: '1.5' } });
    expect(devices.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number for “Devices on line 1”, for example 24.')).toBeTruthy();
    expect(d.lines[0]!.devices).toBe(2);
    await fireEvent.input(devices, { target: { value: '3' } });
    expect(devices.getAttribute('aria-invalid')).toBe('false');

    await fireEvent.click(screen.getByRole('button', { name: w.money.lines.add }));
    expect(d.lines).toHaveLength(9);
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Line 9' }));
    expect(d.lines).toHaveLength(8);

    expect((screen.getByLabelText('Month of change 1') as HTMLInputElement).value).toBe('9');
    await fireEvent.input(screen.getByLabelText('Month of change 1'), { target: { value: '99' } });
    await screen.findByText('“Month of change 1” must be a month inside the horizon.');
    await fireEvent.click(screen.getByRole('button', { name: 'Remove two new lines' }));
    expect(d.steps).toHaveLength(0);
    expect(advisor.issuesOn('money')).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: w.money.steps.add }));
    expect(d.steps).toHaveLength(1);
  });

  it('estimates one device’s throughput from the hardware check, labelled as an estimate', async () => {
    render(MoneyStep);
    const d = advisor.scenario.deployment;
    if (d.kind !== 'fleet') throw new Error('visual inspection runs on line PCs');
    expect(screen.getByText(w.money.throughput.entered)).toBeTruthy();
    expect((screen.getByRole('button', { name: w.money.throughput.useMeasured }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: w.money.throughput.useEstimate }));
    expect(d.throughput.kind).toBe('estimate');
    expect(d.throughput.requestsPerSecond).toBeCloseTo(throughputFromGflops(40, 2 * advisor.scenario.baseline.params.value * 197), 9);
    expect(d.throughput.benchmarkId).toBe('bench-test');
    await screen.findByText(/estimate — MatMuls only, synthetic shapes/);
    await fireEvent.input(screen.getByLabelText(w.field.throughputRate), { target: { value: '4' } });
    expect(d.throughput).toMatchObject({ requestsPerSecond: 4, kind: 'entered', benchmarkId: null });
  });

  it('shows the decision’s settings with their sources, app assumptions labelled', () => {
    render(MoneyStep);
    expect(screen.getByLabelText(w.field.discountRate)).toBeTruthy();
    expect(screen.getAllByText(/Sparsity Advisor assumption/).length).toBeGreaterThanOrEqual(2);
    // Ranges offered are those that apply to a fleet of a trained model.
    const rows = screen.getAllByRole('rowheader').map((th) => th.textContent);
    expect(rows).toContain(w.field.devicePriceRange);
    expect(rows).toContain(w.field.retrainDataRange);
    expect(rows).not.toContain(w.field.requestsPerDay);
  });
});

describe('Check your answers', () => {
  it('lists every section with the situation, hardware and fleet, and edits numbers in place', async () => {
    advisor.load(parseScenario(visualInspection));
    advisor.measureWith(hardwareCheck());
    render(CheckStep);
    for (const step of ['situation', 'data', 'hardware', 'pruning', 'money'] as const) {
      expect(screen.getByRole('heading', { level: 2, name: new RegExp(`^${w.steps[step]}`) })).toBeTruthy();
    }
    const text = document.body.textContent!;
    expect(text).toContain(w.situation.trained);
    expect(text).toContain(w.situation.fleet);
    expect(text).toContain('Test CPU, November 27, 2026 (development machine)');
    expect(text).toContain('8 lines, 8 devices');
    expect(text).toContain('Month 9: two new lines');
    expect(text).toContain('3 per second, 330 ms each (Entered)');
    const price = screen.getByLabelText(w.field.devicePrice);
    await fireEvent.input(price, { target: { value: '400,000' } });
    const d = advisor.scenario.deployment;
    expect(d.kind === 'fleet' && d.devicePrice.value).toBe(4e5);
  });

  it('says when the hardware question is not answered yet', () => {
    advisor.load(defaultScenario('t5'));
    render(CheckStep);
    expect(document.body.textContent).toContain(`${w.check.speedupSource}${w.check.unanswered}`);
  });
});
