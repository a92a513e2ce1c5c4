import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src-main/core/i18n/en.js';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { parseScenario } from '../../src-main/core/roi/scenario.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { advisor } from '../../src-renderer/lib/state.svelte.js';
import CheckStep from '../../src-renderer/wizard/CheckStep.svelte';
import DataStep from '../../src-renderer/wizard/DataStep.svelte';
import HardwareStep from '../../src-renderer/wizard/HardwareStep.svelte';
import ResultStep from '../../src-renderer/wizard/ResultStep.svelte';
import StartStep from '../../src-renderer/wizard/StartStep.svelte';
import internalDocuments from '../../resources/scenarios/internal-documents.en.json';

/** A stand-in for the preload bridge, answering the calls a step makes on mount. */
function bridge(answers: Record<string, unknown>): void {
  const api: Record<string, unknown> = {};
  for (const [channel, value] of Object.entries(answers)) api[channel] = async () => ({ ok: true, value });
  api.onHardwareCheckProgress = () => () => {};
  (globalThis as Record<string, unknown>).advisor = api;
}

beforeEach(() => {
  i18n.set('en');
  advisor.load(defaultScenario('vit'));
  advisor.useBenchmark(null);
});
afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).advisor;
});

describe('Start', () => {
  it('offers the worked examples in the current language and loads the chosen one', async () => {
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
    expect(advisor.step).toBe('data');
  });
});

describe('Data volume', () => {
  it('shows live where the data stands and the optimal sparsity', async () => {
    render(DataStep);
    const optimal = () => screen.getByText(/Optimal sparsity for this size and training budget/).textContent!;
    const before = optimal();
    const input = screen.getByLabelText(uiEn.field.trainingData);
    await fireEvent.input(input, { target: { value: '3B' } });
    await waitFor(() => expect(optimal()).not.toBe(before));
    expect(optimal()).toMatch(/\d+%/);
    expect(screen.getByText(/Your training data is [\d.,]+× that threshold/)).toBeTruthy();
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

describe('Hardware', () => {
  it('takes assumed speed-ups, marked as assumed', async () => {
    bridge({ listBenchmarks: [] });
    render(HardwareStep);
    await fireEvent.click(screen.getByLabelText(uiEn.hardware.assumedSource));
    await fireEvent.click(screen.getByRole('button', { name: uiEn.hardware.addAssumed }));
    expect(advisor.scenario.deployment.speedup.source).toBe('assumed');
    expect(advisor.scenario.deployment.speedup.assumed).toHaveLength(1);
    expect(advisor.scenario.deployment.speedup.assumed[0]!.source?.kind).toBe('assumed');
    const best = advisor.outcome.result!.options.find((o) => o.id === advisor.outcome.result!.bestSparseId)!;
    expect(best.speedup.kind).toBe('assumed');
  });
});

describe('Check your answers', () => {
  it('lists every input with its source and edits it in place', async () => {
    render(CheckStep);
    expect(screen.getAllByText('App default').length).toBeGreaterThan(3);
    const inputs = screen.getAllByLabelText(uiEn.field.requestsPerDay);
    await fireEvent.input(inputs[0]!, { target: { value: '2M' } });
    expect(advisor.scenario.deployment.requestsPerDay.value).toBe(2e6);
    expect(screen.getAllByText('Your input').length).toBe(1);
  });
});

describe('Recommendation', () => {
  it('shows the level, the three reasons and the options', () => {
    advisor.load(parseScenario(internalDocuments));
    render(ResultStep);
    const level = advisor.outcome.result!.recommendation.level;
    expect(screen.getByText(en.level[level], { selector: '.level' })).toBeTruthy();
    const reasons = screen.getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(reasons.some((r) => r.startsWith('Data volume:'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('Hardware:'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('Pruning cost:'))).toBe(true);
    expect(screen.getByRole('rowheader', { name: en.memo.option.dense })).toBeTruthy();
    expect(screen.getByRole('button', { name: uiEn.result.exportMemo })).toBeTruthy();
  });

  it('says what to fix instead of showing a result for invalid answers', () => {
    advisor.scenario.deployment.utilisation.value = 3;
    render(ResultStep);
    expect(screen.getByText(uiEn.result.invalid)).toBeTruthy();
  });
});
