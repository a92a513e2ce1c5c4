/**
 * The wizard's frame with its flows: Continue refused with a GOV.UK error summary that links to
 * the field, no scenario path on screen, completed steps clickable, and the hardware and library
 * flows driven through typed stand-ins for the bridge.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { uiJa } from '../../src-main/core/i18n/ui-ja.js';
import { uxEn } from '../../src-main/core/i18n/ux-en.js';
import { wizard2En } from '../../src-main/core/i18n/wizard2-en.js';
import { wizard2Ja } from '../../src-main/core/i18n/wizard2-ja.js';
import { defaultScenario } from '../../src-main/core/roi/defaults.js';
import { parseScenario } from '../../src-main/core/roi/scenario.js';
import type { AdvisorApi } from '../../src-main/ipc/contract.js';
import App from '../../src-renderer/App.svelte';
import { comparisonRows } from '../../src-renderer/lib/comparison.js';
import { hardware } from '../../src-renderer/lib/hardware.svelte.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { library } from '../../src-renderer/lib/library.svelte.js';
import { advisor } from '../../src-renderer/lib/state.svelte.js';
import HardwareStep from '../../src-renderer/wizard/HardwareStep.svelte';
import { evaluateScenario } from '../../src-main/core/roi/evaluate.js';
import { translator } from '../../src-main/core/i18n/index.js';
import internalDocuments from '../../resources/scenarios/internal-documents.en.json';

type Answers = { [K in keyof AdvisorApi]?: unknown };

/** A typed stand-in for the preload bridge: each channel answers the given value. */
function bridge(answers: Answers, calls: string[] = []): void {
  const api: Record<string, unknown> = {};
  for (const [channel, value] of Object.entries(answers)) {
    api[channel] = async () => {
      calls.push(channel);
      return value instanceof Error ? { ok: false, error: value.message } : { ok: true, value };
    };
  }
  api.onHardwareCheckProgress = () => () => {};
  api.onFitProgress = () => () => {};
  (globalThis as Record<string, unknown>).advisor = api;
}

const BASE: Answers = {
  appInfo: { version: '0.1.0', osLanguage: 'en', platform: 'linux', databaseNotice: null },
  listExamples: [],
  listScenarios: [],
  listBenchmarks: [],
};

/** The default scenario with the speed-up answered, so that only the answers under test block. */
function answered() {
  const scenario = defaultScenario('vit');
  scenario.deployment.speedup = { ...scenario.deployment.speedup, source: 'assumed', assumed: [{ sparsity: 0.5, value: 1.5, low: 1.3, high: 1.6 }] };
  return scenario;
}

beforeEach(() => {
  localStorage.clear();
  // The app follows the address bar at launch: start each test from the first page.
  history.replaceState(null, '', '#/start');
  i18n.set('en');
  advisor.load(answered());
  advisor.useBenchmark(null);
  advisor.view = 'wizard';
  advisor.step = 'start';
});
afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).advisor;
});

const PATH = /\b(baseline|deployment|training|engineering|pruning|uncertainty)\.[a-zA-Z.]+/;

describe('Continue with a problem on the page', () => {
  it('is refused and shows the error summary, whose link moves to the field', async () => {
    bridge(BASE);
    render(App);
    advisor.go('money');
    await screen.findByRole('heading', { level: 1, name: uiEn.money.title });
    await fireEvent.input(screen.getByLabelText(uiEn.field.requestsPerDay), { target: { value: 'lots' } });
    await fireEvent.click(screen.getByRole('button', { name: uiEn.continue, exact: true } as never));
    expect(advisor.step).toBe('money');
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(uxEn.summary.title);
    const link = screen.getByRole('link', { name: /Requests per day/ });
    expect(link.getAttribute('href')).toBe('#field-requestsPerDay');
    await fireEvent.click(link);
    await waitFor(() => expect(document.activeElement?.id).toBe('field-requestsPerDay'));
    expect(document.body.textContent).not.toMatch(PATH);
  });

  it('shows what to fix on the result page, with field names and no path, when an answer is out of range', async () => {
    bridge(BASE);
    render(App);
    const deployment = advisor.scenario.deployment;
    if (deployment.kind === 'metered') deployment.utilisation.value = 3;
    advisor.go('result');
    await screen.findByRole('heading', { level: 1, name: uiEn.result.title });
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('“Deployment utilisation” must be at most 100%.');
    expect(document.body.textContent).not.toMatch(PATH);
  });

  it('refuses the recommendation from the check page while an answer on another page is wrong', async () => {
    bridge(BASE);
    render(App);
    advisor.refuse('baseline.params.value', '12 heads');
    advisor.go('check');
    await screen.findByRole('heading', { level: 1, name: uiEn.check.title });
    await fireEvent.click(screen.getByRole('button', { name: uiEn.check.seeResult }));
    expect(advisor.step).toBe('check');
    expect(screen.getByRole('link', { name: /Baseline model size/ }).getAttribute('href')).toBe('#field-params-check');
  });

  it('in Japanese, says it in Japanese', async () => {
    bridge(BASE);
    i18n.set('ja');
    render(App);
    advisor.go('data');
    await screen.findByRole('heading', { level: 1, name: uiJa.data.title });
    await fireEvent.input(screen.getByLabelText(wizard2Ja.field.uniqueData), { target: { value: '十八億' } });
    await fireEvent.click(screen.getByRole('button', { name: uiJa.continue, exact: true } as never));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('入力内容を確認してください');
    expect(summary.textContent).toContain('「学習データ（重複を除く）」には数値を入力してください');
  });
});

describe('the hardware question', () => {
  it('blocks Continue until it is answered, and the summary link moves to the choice', async () => {
    bridge(BASE);
    advisor.load(defaultScenario('t5'));
    render(App);
    advisor.go('hardware');
    await screen.findByRole('heading', { level: 1, name: uiEn.hardware.title });
    await fireEvent.click(screen.getByRole('button', { name: uiEn.continue, exact: true } as never));
    expect(advisor.step).toBe('hardware');
    const link = await screen.findByRole('link', { name: wizard2En.issue.speedupUnanswered });
    expect(link.getAttribute('href')).toBe('#hw-choice');
    await fireEvent.click(link);
    await waitFor(() => expect(document.activeElement?.id).toBe('hw-choice'));
    await fireEvent.click(screen.getByLabelText(new RegExp(wizard2En.hardware.published.slice(0, 20))));
    expect(advisor.issuesOn('hardware').map((i) => i.key)).toEqual(['deployment.speedup.publishedTarget']);
    expect(document.body.textContent).not.toMatch(PATH);
  });
});

describe('the step list', () => {
  it('lets completed steps be revisited, and shows later ones as plain text', async () => {
    bridge(BASE);
    render(App);
    advisor.go('data');
    advisor.go('hardware');
    advisor.go('data');
    await screen.findByRole('heading', { level: 1, name: uiEn.data.title });
    const steps = screen.getByRole('navigation', { name: /Step 3 of 8/ });
    expect(steps.querySelector('button')?.textContent).toBe(wizard2En.steps.start);
    await fireEvent.click(screen.getByRole('button', { name: wizard2En.steps.hardware }));
    expect(advisor.step).toBe('hardware');
    expect(screen.queryByRole('button', { name: wizard2En.steps.pruning })).toBeNull();
  });

  it('does not put focus on the title at launch', async () => {
    bridge(BASE);
    render(App);
    await screen.findByRole('heading', { level: 1 });
    expect(document.activeElement?.tagName).not.toBe('H1');
  });
});

describe('the hardware flow', () => {
  it('keeps the assumed speed-ups when a saved run cannot be opened', async () => {
    const calls: string[] = [];
    bridge({ ...BASE, getBenchmark: new Error('no such run') }, calls);
    advisor.scenario.deployment.speedup.source = 'assumed';
    await hardware.refresh();
    expect(calls).toContain('listBenchmarks');
    await hardware.pick('x');
    expect(hardware.failure).toEqual({ kind: 'list', details: 'no such run' });
    expect(advisor.scenario.deployment.speedup.source).toBe('assumed');
  });

  it('keeps a refused assumed speed-up as typed, and the state invalid', () => {
    advisor.scenario.deployment.speedup.assumed = [];
    hardware.choose('assumed');
    expect(advisor.scenario.deployment.speedup.assumed).toHaveLength(1);
    hardware.setAssumed(0, 'value', 'fast');
    expect(advisor.draftAt('deployment.speedup.assumed.0.value')).toBe('fast');
    expect(advisor.outcome.result).toBeNull();
    hardware.setAssumed(0, 'value', '1.4倍');
    expect(advisor.scenario.deployment.speedup.assumed[0]!.value).toBe(1.4);
    hardware.setAssumed(0, 'sparsity', '75');
    expect(advisor.scenario.deployment.speedup.assumed[0]!.sparsity).toBe(0.75);
    expect(advisor.outcome.result).not.toBeNull();
  });

  it('never shows “Measuring:” with nothing after it', async () => {
    bridge(BASE);
    advisor.scenario.deployment.speedup.source = 'measured';
    render(HardwareStep);
    hardware.progress = { fraction: 0, current: '' };
    await screen.findByText(uxEn.hardware.starting);
    hardware.progress = { fraction: 0.4, current: 'cpu dense, 197 tokens (round 1/3)' };
    await screen.findByText('Measuring… 40% done');
    expect(document.body.textContent).not.toMatch(/Measuring:\s*$/m);
    hardware.progress = null;
  });

  it('reports a failed import with its details kept apart from the words', async () => {
    bridge({ ...BASE, importDocument: new Error('line 3: not JSON') });
    await hardware.importFile(new File(['{'], 'run.json'));
    expect(hardware.failure).toEqual({ kind: 'import', details: 'line 3: not JSON' });
    expect(hardware.fileName).toBe('run.json');
  });
});

describe('the library flow and the comparison', () => {
  it('compares two saved scenarios number by number', async () => {
    const scenario = parseScenario(internalDocuments);
    bridge({ ...BASE, getScenario: { id: 'a', revision: 1, name: scenario.name, scenario } });
    library.selected = ['a', 'b'];
    await library.compare();
    expect(library.compared).toHaveLength(2);
    const rows = comparisonRows(library.compared.map((c) => c.result), translator('ja'));
    const money = rows.find((r) => r.id === 'savings')!;
    expect(money.label).toBe('検討期間中の削減額');
    for (const cell of money.cells) expect(cell).toMatch(/円$/);
    expect(rows.find((r) => r.id === 'probability')!.cells[0]).toMatch(/^「.+」（\d+%）$/);
  });

  it('opens a saved scenario at the check page with the earlier steps reachable', async () => {
    const scenario = parseScenario(internalDocuments);
    bridge({ ...BASE, getScenario: { id: 'a', revision: 2, name: scenario.name, scenario } });
    await library.open('a');
    expect(advisor.step).toBe('check');
    expect(advisor.ref).toEqual({ id: 'a', revision: 2 });
    expect(advisor.furthest).toBe('check');
  });

  it('names every row in both languages', () => {
    const result = evaluateScenario(parseScenario(internalDocuments));
    for (const language of ['en', 'ja'] as const) {
      for (const row of comparisonRows([result, result], translator(language))) {
        expect(row.label).not.toMatch(/^ux\./);
        expect(row.cells.every((c) => c.length > 0 && !/e\+|NaN|undefined/.test(c))).toBe(true);
      }
    }
  });
});
