/**
 * The result page's view model (src-renderer/lib/result.svelte.ts) on the three worked examples in
 * both languages: the card states the best action with money, base case with its range and median,
 * the verdict, confidence and what would change it; the comparison, the ranges and the details hold
 * what the engine computed; the charts are readable; and the memo and save sequences call the bridge
 * as the contract says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator, type Language } from '../../src-main/core/i18n/index.js';
import type { EvaluatedOption, RoiResult } from '../../src-main/core/roi/evaluate.js';
import { evaluateScenario } from '../../src-main/core/roi/evaluate.js';
import { explainRecommendation, optionLabel } from '../../src-main/core/roi/explain.js';
import type { Scenario } from '../../src-main/core/roi/scenario.js';
import type { AdvisorApi } from '../../src-main/ipc/contract.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { comparedOptions, GROUPS, ResultActions, resultCharts, resultView, typeset } from '../../src-renderer/lib/result.svelte.js';
import { advisor } from '../../src-renderer/lib/state.svelte.js';
import { EXAMPLES, exampleScenario } from '../support/scenarios.js';

const LANGUAGES: Language[] = ['en', 'ja'];

const cases = EXAMPLES.flatMap((example) =>
  LANGUAGES.map((language) => {
    const scenario = exampleScenario(example, language);
    return { example, language, scenario, result: evaluateScenario(scenario, null) };
  }),
);

const view = (c: { language: Language; scenario: Scenario; result: RoiResult }) => resultView(c.result, translator(c.language), { scenario: c.scenario, benchmark: null });
const byId = (result: RoiResult, id: string | null) => result.options.find((o) => o.id === id) ?? null;
/** The formatted amount the page shows: ▲ / − for negatives, as typeset does. */
const amount = (result: RoiResult, language: Language, value: number) => translator(language).money(Math.abs(value), result.currency);

describe('the decision card', () => {
  it.each(cases)('states the best action with money, the verdict, confidence and what would change it ($example, $language)', (c) => {
    const { card } = view(c);
    const e = explainRecommendation(c.result, c.language);
    expect(card.headline).toBe(typeset(e.headline, c.language));
    expect(card.pilot).toBe(e.headlinePilot === null ? null : typeset(e.headlinePilot, c.language));
    expect(card.level).toBe(c.result.recommendation.level);
    expect(card.rows.map((r) => r.key)).toEqual(['savings', 'sparsity', 'confidence', 'change']);
    const tr = translator(c.language);
    expect(card.rows[1]!.lead).toBe(tr.t(`level.${c.result.recommendation.level}`));
    expect(card.rows[1]!.text).toContain(tr.t(`likelihood.${c.result.recommendation.likelihood}`));
    expect(card.rows[2]!.lead).toBe(tr.t(`confidence.${c.result.recommendation.confidence}`));
    expect(card.rows[3]!.text.length).toBeGreaterThan(0);
    // Every row says something in money or words, never a raw number with a hyphen for a minus.
    for (const row of card.rows) expect(row.text).not.toMatch(/(^|\s)-[¥\d]/);
  });

  it.each(cases.filter((c) => c.result.headlineId !== c.result.options[0]!.id))(
    'puts the base case, the range and the median of the recommended action side by side ($example, $language)',
    (c) => {
      const savings = view(c).card.rows[0]!.text;
      const headline = byId(c.result, c.result.headlineId)!;
      const d = c.result.monteCarlo.headlineSavings;
      for (const value of [headline.savings, d.p10, d.p50, d.p90]) expect(savings).toContain(amount(c.result, c.language, value));
    },
  );

  it.each(cases.filter((c) => c.result.headlineId === c.result.options[0]!.id))(
    'says by how much the next best option costs more when keeping today’s model is best ($example, $language)',
    (c) => {
      const savings = view(c).card.rows[0]!.text;
      const keep = c.result.options[0]!;
      const next = c.result.options
        .filter((o) => o.id !== keep.id && o.group === 'compared')
        .reduce((a, b) => (b.cost.total < a.cost.total ? b : a));
      expect(savings).toContain(amount(c.result, c.language, next.cost.total - keep.cost.total));
      expect(savings).toContain(optionLabel(next, translator(c.language), c.result.status));
    },
  );
});

describe('the comparison', () => {
  it.each(cases)('sets today’s model, the best sparse and the best other option side by side ($example, $language)', (c) => {
    const { comparison } = view(c);
    const shown = comparedOptions(c.result);
    expect(shown[0]!.option!.id).toBe(c.result.options[0]!.id);
    expect(comparison.columns.map((x) => x.key)).toEqual(shown.map((x) => x.key));
    expect(comparison.columns.filter((x) => x.recommended).length).toBeLessThanOrEqual(1);
    const recommended = comparison.columns.findIndex((x) => x.recommended);
    if (recommended >= 0) expect(shown[recommended]!.option!.id).toBe(c.result.headlineId);
    const rows = comparison.rows.map((r) => r.key);
    expect(rows).toEqual(expect.arrayContaining(['cost', 'savings', 'payback', 'probability', 'quality']));
    expect(rows.includes('devices')).toBe(c.result.deploymentKind === 'fleet');
    expect(rows.includes('deploy')).toBe(c.result.status === 'trained');
    for (const row of comparison.rows) expect(row.cells).toHaveLength(comparison.columns.length);
    const tr = translator(c.language);
    const cost = comparison.rows.find((r) => r.key === 'cost')!;
    shown.forEach(({ option }, i) => {
      if (option) expect(cost.cells[i]).toBe(c.language === 'ja' ? tr.money(option.cost.total, c.result.currency) : tr.money(option.cost.total, c.result.currency).replace('-', '\u2212'));
    });
    if (c.result.deploymentKind === 'fleet') {
      const devices = comparison.rows.find((r) => r.key === 'devices')!;
      shown.forEach(({ option }, i) => option && expect(devices.cells[i]).toBe(tr.number(option.fleet!.devicesBought, 6)));
    }
  });
});

describe('base case and range', () => {
  it.each(cases.filter((c) => c.result.bestSparseId !== null))('give the sparse advantage with its base case, range and median ($example, $language)', (c) => {
    const { ranges } = view(c);
    const sparse = byId(c.result, c.result.bestSparseId)!;
    const alternative = byId(c.result, c.result.alternativeId)!;
    const line = ranges.lines.at(-1)!;
    const base = alternative.cost.total - sparse.cost.total;
    expect(line.base).toContain(amount(c.result, c.language, base));
    expect(line.median).toContain(amount(c.result, c.language, c.result.monteCarlo.sparseAdvantage.p50));
    expect(line.low).toContain(amount(c.result, c.language, c.result.monteCarlo.sparseAdvantage.p10));
    expect(line.high).toContain(amount(c.result, c.language, c.result.monteCarlo.sparseAdvantage.p90));
    // A median that reads differently from the base case is always explained, in the direction it moved.
    if (line.median !== line.base) {
      const tr = translator(c.language);
      const lower = c.result.monteCarlo.sparseAdvantage.p50 < base;
      expect(ranges.why).toContain(tr.t(lower ? 'result.range.medianLower' : 'result.range.medianHigher', { example: '' }).slice(0, 12));
    }
  });
});

describe('the engineer’s details', () => {
  it.each(cases)('list every option once, grouped, lower quality apart, the recommended one marked ($example, $language)', (c) => {
    const { details } = view(c);
    for (const table of [details.costs, details.shapes]) {
      const ids = table.groups.flatMap((g) => g.rows.map((r) => r.id));
      expect([...ids].sort()).toEqual(c.result.options.map((o) => o.id).sort());
      expect(table.groups.map((g) => g.group)).toEqual(GROUPS.filter((g) => c.result.options.some((o) => o.group === g)));
      for (const g of table.groups) for (const row of g.rows) expect(byId(c.result, row.id)!.group).toBe(g.group);
      expect(table.groups.flatMap((g) => g.rows).filter((r) => r.recommended).map((r) => r.id)).toEqual([c.result.headlineId]);
      for (const g of table.groups) for (const row of g.rows) expect(row.cells).toHaveLength(table.columns.length - 1);
    }
    expect(details.speedups.rows).toHaveLength(c.result.options.filter((o: EvaluatedOption) => o.kind === 'sparse' || o.kind === 'pruned').length);
    expect(details.coefficients.values).toHaveLength(7);
    for (const value of details.coefficients.values) expect(value).not.toMatch(/e[+-]?\d/i);
  });

  it.each(cases)('draws every chart with no text under 12 px and the fleet charts only for a fleet ($example, $language)', (c) => {
    const charts = resultCharts(c.result, translator(c.language), 'light');
    const ids = charts.map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['savings', 'cost', 'loss']));
    expect(ids.includes('capacity') && ids.includes('devices')).toBe(c.result.deploymentKind === 'fleet');
    const sizes: number[] = [];
    const keys: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node === 'string' && /\b(memo2?|decision|result)\.[a-zA-Z]+\./.test(node)) keys.push(node);
      if (node === null || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'fontSize' && typeof v === 'number') sizes.push(v);
        walk(v);
      }
    };
    charts.forEach((x) => walk(x.option));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // Every label found its text: the tornado names each v2 input (the shared labels know only v1's names).
    expect(keys).toEqual([]);
  });
});

describe('typesetting the engine’s sentences', () => {
  it('prints a minus sign in English and ▲ in Japanese, and no space before a Japanese unit', () => {
    expect(typeset('saves -¥2.27M (range -¥3.4M)', 'en')).toBe('saves \u2212¥2.27M (range \u2212¥3.4M)');
    expect(typeset('削減額は -282万円、データ（3億2,700万 枚）', 'ja')).toBe('削減額は ▲282万円、データ（3億2,700万枚）');
    expect(typeset('well-known 8-bit', 'en')).toBe('well-known 8-bit');
  });
});

/** A typed stand-in for the preload bridge that records the calls made to it. */
function bridge(answers: Partial<Record<keyof AdvisorApi, (args: never) => unknown>>): { calls: { channel: string; args: unknown }[] } {
  const calls: { channel: string; args: unknown }[] = [];
  const api: Record<string, unknown> = {};
  for (const [channel, answer] of Object.entries(answers)) {
    api[channel] = async (args: never) => {
      calls.push({ channel, args });
      try {
        return { ok: true, value: await (answer as (a: never) => unknown)(args) };
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
    };
  }
  (globalThis as Record<string, unknown>).advisor = api;
  return { calls };
}

describe('exporting the memo and saving the scenario', () => {
  beforeEach(() => {
    i18n.set('en');
    advisor.load(exampleScenario('internal-documents', 'en'));
    advisor.useBenchmark(null);
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).advisor;
  });

  it('saves a new scenario, then a new revision of it', async () => {
    let revision = 0;
    const { calls } = bridge({ saveScenario: () => ({ id: 'scn-1', revision: ++revision, name: 'x' }) });
    const actions = new ResultActions();
    await actions.save();
    expect(calls[0]!.args).toEqual({ scenario: advisor.plainScenario() });
    expect(advisor.ref).toEqual({ id: 'scn-1', revision: 1 });
    expect(actions.done).toEqual({ kind: 'saved', revision: 1 });
    await actions.save();
    expect(calls[1]!.args).toMatchObject({ id: 'scn-1', expectedRevision: 1 });
    expect(actions.done).toEqual({ kind: 'saved', revision: 2 });
    expect(actions.busy).toBeNull();
  });

  it('exports in the chosen language, keeps the revision the memo cites, and says nothing when cancelled', async () => {
    const answers: unknown[] = [{ path: '/memos/a.pdf', contentHash: 'h', pages: 6, scenarioRef: { id: 'scn-9', revision: 3 } }, null];
    const { calls } = bridge({ exportMemo: () => answers.shift() });
    const actions = new ResultActions();
    expect(actions.language()).toBe('en');
    actions.memoLanguage = 'ja';
    await actions.exportMemo();
    expect(calls[0]!.args).toMatchObject({ language: 'ja', scenarioRef: null, benchmarkId: null });
    expect(advisor.ref).toEqual({ id: 'scn-9', revision: 3 });
    expect(actions.done).toEqual({ kind: 'exported', path: '/memos/a.pdf' });
    await actions.exportMemo();
    expect(calls[1]!.args).toMatchObject({ scenarioRef: { id: 'scn-9', revision: 3 } });
    expect(actions.done).toBeNull();
    expect(actions.failure).toBeNull();
  });

  it('keeps what went wrong apart from the words', async () => {
    bridge({
      exportMemo: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    const actions = new ResultActions();
    await actions.exportMemo();
    expect(actions.failure).toEqual({ kind: 'export', details: 'EACCES: permission denied' });
    expect(actions.done).toBeNull();
    expect(actions.busy).toBeNull();
  });
});
