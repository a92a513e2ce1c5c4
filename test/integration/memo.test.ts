/**
 * The PDF memo as a reader and a PDF tool see it: text extracted with poppler's pdftotext (so
 * the Japanese has working ToUnicode maps), fonts listed by pdffonts, pages by pdfinfo, no
 * bitmaps by pdfimages. Pages are rendered to PNG under test-results/memo/ for a visual check.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator, type Language } from '../../src-main/core/i18n/index.js';
import { InputError } from '../../src-main/core/input.js';
import { defaultFleet } from '../../src-main/core/roi/defaults.js';
import { evaluateScenario, type RoiResult } from '../../src-main/core/roi/evaluate.js';
import { explainRecommendation, optionLabel } from '../../src-main/core/roi/explain.js';
import type { FleetPlan } from '../../src-main/core/roi/fleet.js';
import { parseScenario, type Scenario } from '../../src-main/core/roi/scenario.js';
import { FLEET_CHARTS, generateMemo, renderMemo, type MemoRequest } from '../../src-main/memo/generate-memo.js';
import { FONT_FILES } from '../../src-main/memo/fonts.js';
import { longDate } from '../../src-main/memo/memo-context.js';
import type { FleetCharts } from '../../src-main/memo/sections/fleet.js';
import { MemoExistsError, writeMemo } from '../../src-main/memo/write-memo.js';
import { REPO_ROOT } from '../support/cli.js';
import { benchmarkDocument, exampleScenario, measuredRow, scenarioWith } from '../support/scenarios.js';

const ARTIFACTS = path.join(REPO_ROOT, 'test-results/memo');
const DATE = '2026-11-27';
const VERSION = '0.1.0-test';
const BENCH = benchmarkDocument([measuredRow('cpu', 0.5, 1.3), measuredRow('cpu', 0.75, 1.9), measuredRow('cpu', 0.9, 2.4)]);

function run(command: string, ...args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** A language model where training sparse on more data pays, measured on the deployment machine: "Go". */
function payingScenario(): Scenario {
  return scenarioWith('t5', (s) => {
    s.name = 'Support assistant at scale';
    s.currency = 'JPY';
    s.baseline.uniqueData.value = 6.55e10;
    s.data.available.value = 1.8e11;
    if (s.deployment.kind === 'metered') {
      s.deployment.requestsPerDay.value = 2e7;
      s.deployment.pricePerHour.value = 300;
    }
    s.training.pricePerHour.value = 400;
    s.engineering.dayRate.value = 60_000;
    s.engineering.personDays.value = 30;
    s.deployment.speedup = { ...s.deployment.speedup, source: 'measured', assumed: [] };
    s.sparsity.candidates = [0.5, 0.75];
    s.uncertainty.draws = 4000;
  });
}
const PAYING_BENCH = { ...benchmarkDocument([measuredRow('cpu', 0.5, 1.7, { tokens: 512 }), measuredRow('cpu', 0.75, 2.6, { tokens: 512 })]), role: 'deployment' } as typeof BENCH;

/** An existing ViT on owned line PCs, where pruning gives a lower-quality option shown apart. */
function fleetScenario(): Scenario {
  const base = scenarioWith('vit', (s) => {
    s.name = 'Line PCs for the inspection model';
    s.currency = 'JPY';
    s.baseline.status = 'trained';
    s.decision.qualityFloor.value = 0.5;
    s.uncertainty.draws = 2000;
  });
  const fleet = defaultFleet(base);
  return parseScenario({
    ...base,
    deployment: {
      ...fleet,
      lines: [
        { name: 'Line A', devices: 2, deviceAgeMonths: 12, peakRequestsPerSecond: 12 },
        { name: 'Line B', devices: 2, deviceAgeMonths: 30, peakRequestsPerSecond: 14 },
      ],
      steps: [{ month: 9, name: 'Line C', addLines: 1, peakRequestsPerSecondPerLine: 10 }],
    },
  });
}

/** A hand-made purchase plan: `runOut` per line, purchases as [month, line, devices, reason]. */
function plan(horizon: number, runOut: (number | null)[], purchases: [number, number, number, FleetPlan['purchases'][number]['reason']][], rate: number): FleetPlan {
  const bought = purchases.reduce((n, p) => n + p[2], 0);
  return {
    meetsLatency: true,
    runOutMonthByLine: runOut,
    purchases: purchases.map(([month, line, devices, reason]) => ({ month, line, devices, reason })),
    devicesBought: bought,
    capital: bought * 2000,
    power: 500,
    residual: 100,
    total: bought * 2000 + 400,
    warnings: [],
    monthly: Array.from({ length: horizon }, (_, month) => {
      const devices = 4 + purchases.filter((p) => p[0] <= month).reduce((n, p) => n + p[2], 0);
      return { month, capacity: devices * rate, demand: 26 * 1.02 ** month + (month >= 9 ? 10 : 0), devices };
    }),
  };
}

/** The fleet scenario's result with plans made by hand, so the fleet pages do not depend on the fleet engine. */
function fleetResult(scenario: Scenario): RoiResult {
  const metered = parseScenario({ ...scenario, deployment: scenarioWith('vit').deployment });
  const result = evaluateScenario(metered);
  const horizon = result.inputs.horizonMonths;
  return {
    ...result,
    deploymentKind: 'fleet',
    options: result.options.map((o, i) => ({
      ...o,
      fleet:
        i === 0
          ? plan(horizon, [3, 5, null], [[3, 0, 1, 'capacity'], [5, 1, 1, 'capacity'], [9, 2, 2, 'new-line'], [30, 1, 2, 'replacement']], 8)
          : plan(horizon, [20, null, null], [[9, 2, 1, 'new-line'], [20, 0, 1, 'capacity']], 12),
    })),
  };
}

/** Stand-ins for the fleet chart builders until they are in this build: a line per option. */
const STAND_IN_CHARTS: FleetCharts = {
  capacityVsDemand: (plans) => ({
    animation: false,
    xAxis: { type: 'value', name: 'month' },
    yAxis: { type: 'value' },
    legend: { top: 0, data: plans.map((p) => p.optionLabel) },
    grid: { top: 70, left: 50, right: 20, bottom: 30 },
    series: plans.map((p) => ({ type: 'line', name: p.optionLabel, data: p.plan.monthly.map((m) => [m.month, m.capacity]) })),
  }),
  devicesBought: (plans) => ({
    animation: false,
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: plans.map((p) => p.optionLabel) },
    series: [{ type: 'bar', data: plans.map((p) => p.plan.devicesBought) }],
  }),
};

interface Case {
  name: string;
  language: Language;
  request: MemoRequest;
  /** A result made by hand (the fleet case); otherwise the memo evaluates the scenario. */
  result?: RoiResult;
}

const FLEET = fleetScenario();
const CASES: Case[] = [
  ...(['en', 'ja'] as const).flatMap((language) => [
    { name: 'visual-inspection', language, request: { scenario: exampleScenario('visual-inspection', language), benchmark: BENCH, language, date: DATE, appVersion: VERSION } },
    { name: 'internal-documents', language, request: { scenario: exampleScenario('internal-documents', language), benchmark: null, language, date: DATE, appVersion: VERSION, revision: 3 } },
    { name: 'paying', language, request: { scenario: payingScenario(), benchmark: PAYING_BENCH, language, date: DATE, appVersion: VERSION } },
    { name: 'fleet', language, request: { scenario: FLEET, benchmark: null, language, date: DATE, appVersion: VERSION }, result: fleetResult(FLEET) },
  ]),
];

interface Generated extends Case {
  file: string;
  pages: number;
  contentHash: string;
  pdf: Uint8Array;
  /** The text of each page, footer lines removed, so a sentence that runs over a page break reads on. */
  body: string;
  pageTexts: string[];
  result: RoiResult;
}

const generated: Generated[] = [];
/** Whitespace differs between the source and the extracted text (line wrapping); nothing else may. */
const squash = (text: string) => text.replace(/\s+/g, '');

beforeAll(() => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const c of CASES) {
    const memo = c.result ? renderMemo(c.request, c.result, FLEET_CHARTS ?? STAND_IN_CHARTS) : generateMemo(c.request);
    const file = path.join(ARTIFACTS, `${c.name}.${c.language}.pdf`);
    writeFileSync(file, memo.pdf);
    run('pdftoppm', '-r', '60', '-png', file, path.join(ARTIFACTS, `${c.name}.${c.language}`));
    const pageTexts = Array.from({ length: memo.pages }, (_, i) => run('pdftotext', '-raw', '-f', String(i + 1), '-l', String(i + 1), file, '-'));
    const short = memo.contentHash.slice(0, 12);
    const footer = (line: string) => line.startsWith(`Sparsity Advisor ${VERSION} ·`) || line.startsWith(`スパース化アドバイザー ${VERSION} ·`) || line.startsWith(`${short} ·`);
    const body = pageTexts.map((page) => page.split('\n').filter((line) => !footer(line)).join('\n')).join('\n');
    const result = c.result ?? evaluateScenario(c.request.scenario, c.request.benchmark);
    generated.push({ ...c, file, pages: memo.pages, contentHash: memo.contentHash, pdf: memo.pdf, body, pageTexts, result });
  }
}, 240_000);

describe.each(CASES.map((c) => [`${c.name}.${c.language}`, c] as const))('memo %s', (_label, c) => {
  const memo = () => generated.find((g) => g.name === c.name && g.language === c.language)!;
  const tr = translator(c.language);
  const { t } = tr;

  it('page 1 holds the best action with money, the verdict in words, the comparison and what would change', () => {
    const { pageTexts, result } = memo();
    const page1 = squash(pageTexts[0]!);
    const has = (expected: string) => expect(page1, expected).toContain(squash(expected));
    const words = explainRecommendation(result, c.language);
    has(t('memo2.title'));
    // The best action in one sentence with money (the engine's own sentence, minus signs typeset).
    const headline = result.options.find((o) => o.id === result.headlineId)!;
    has(optionLabel(headline, tr, result.status));
    if (headline.kind !== 'baseline') {
      expect(page1).toMatch(c.language === 'ja' ? /[￥¥]\d|\d万?円/ : /[¥$]\d/);
      has(t('memo2.range.headline', { horizon: result.inputs.horizonMonths, base: '', span: '', median: '' }).split('：')[0]!.split(':')[0]!);
    }
    if (words.headlinePilot) has(words.headlinePilot);
    // The verdict on sparsity with likelihood and confidence in words.
    has(words.level);
    has(t(`likelihood.${result.recommendation.likelihood}`));
    has(t(`confidence.${result.recommendation.confidence}`));
    // The comparison, side by side.
    for (const key of ['today', 'sparse']) has(t(`memo2.compare.${key}`));
    for (const row of ['savings', 'payback', 'probability', 'quality']) has(t(`memo2.compare.row.${row}`));
    has(t('memo2.compare.row.cost', { horizon: result.inputs.horizonMonths }));
    has(optionLabel(result.options[0]!, tr, result.status));
    if (result.deploymentKind === 'fleet') has(t('memo2.compare.row.devices'));
    // The three reasons with numbers, what would change the decision, and the scope.
    has(t('memo2.reasons.title'));
    expect(page1).toMatch(/\d/);
    has(t('memo2.change.title'));
    has(t('memo2.scope').slice(0, 30));
  });

  it('has every section in the memo language, each option in its group, and one payback definition', () => {
    const { body, result } = memo();
    const text = squash(body);
    const has = (expected: string) => expect(text, expected).toContain(squash(expected));
    for (const key of ['costs', 'risks', 'phrases', 'details', 'sensitivity', 'inputs']) has(t(`memo2.section.${key}`));
    if (result.deploymentKind === 'fleet') has(t('memo2.section.fleet'));
    for (const group of new Set(result.options.map((o) => o.group))) {
      has(t(`memo2.costs.group.${group}`, { floor: tr.percent(c.request.scenario.decision.qualityFloor.value) }));
    }
    for (const option of result.options) has(optionLabel(option, tr, result.status));
    has(t('memo2.payback.definition', { horizon: result.inputs.horizonMonths }));
    // The law's source, the run's facts, and where each input comes from.
    has('arXiv:2309.08520');
    has(VERSION);
    has(String(c.request.scenario.uncertainty.seed));
    has(memo().contentHash);
    for (const q of [c.request.scenario.baseline.params, c.request.scenario.training.pricePerHour, c.request.scenario.engineering.dayRate]) {
      if (q.source) has(q.source.note);
    }
    if (c.request.benchmark) has(c.request.benchmark.id);
    else has(t('memo2.appendix.benchmarkNone'));
    has(c.request.revision ? t('memo2.meta.revision', { revision: c.request.revision }) : t('memo2.meta.unsaved'));
    has(longDate(c.language, DATE));
  });

  it('never breaks a line inside a number and its unit, or before closing punctuation', () => {
    for (const page of memo().pageTexts) {
      for (const line of page.split('\n').map((l) => l.trim()).filter(Boolean)) {
        expect(line, line).not.toMatch(/^(万|億|兆|円|か月|倍|%|）|、|。|」)/);
        expect(line, line).not.toMatch(/[（「▲−]$/);
      }
    }
  });

  it('numbers its pages and prints the content hash in every footer', () => {
    const { pageTexts, pages, contentHash } = memo();
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    pageTexts.forEach((page, i) => {
      expect(page).toContain(`${contentHash.slice(0, 12)} · ${i + 1} / ${pages}`);
    });
  });

  it('embeds and subsets every font, and holds no bitmap', () => {
    const rows = run('pdffonts', memo().file).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      // name type encoding emb sub uni object-id: the flags are the three yes/no columns.
      const flags = row.trim().split(/\s+/).slice(-5, -2);
      expect(flags, row).toEqual(['yes', 'yes', 'yes']);
      expect(row).toMatch(/^[A-Z]{6}\+BIZUDPGothic/);
    }
    expect(run('pdfimages', '-list', memo().file).trim().split('\n')).toHaveLength(2);
  });

  it('has a sensible number of A4 pages, each rendered to PNG', () => {
    const info = run('pdfinfo', memo().file);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBe(memo().pages);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(14);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pngs = readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${c.name}.${c.language}-`) && f.endsWith('.png'));
    expect(pngs).toHaveLength(pages);
    expect(memo().pdf.byteLength).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('what the memo says', () => {
  const find = (name: string, language: Language) => generated.find((g) => g.name === name && g.language === language)!;

  it('states a sparse recommendation measured on the deployment machine without a pilot condition', () => {
    const paying = find('paying', 'en');
    expect(paying.result.headlineId).toMatch(/^sparse/);
    expect(paying.result.recommendation.headlineNeedsPilot).toBe(false);
    const page1 = squash(paying.pageTexts[0]!);
    expect(page1).toContain(squash(translator('en').t('memo2.provenance.role.deployment')));
    expect(page1).not.toContain(squash(translator('en').t('decision.headline.pilot')));
  });

  it('says why the median differs from the base case when it does', () => {
    const docs = find('internal-documents', 'en');
    const mc = docs.result.monteCarlo.sparseAdvantage;
    const sparse = docs.result.options.find((o) => o.id === docs.result.bestSparseId)!;
    const alternative = docs.result.options.find((o) => o.id === docs.result.alternativeId)!;
    const base = alternative.cost.total - sparse.cost.total;
    expect(Math.abs(mc.p50 - base)).toBeGreaterThan(0.01 * Math.abs(base));
    const key = mc.p50 < base ? 'memo2.range.medianLower' : 'memo2.range.medianHigher';
    expect(squash(docs.pageTexts[0]!)).toContain(squash(translator('en').t(key, { example: '' }).slice(0, 40)));
  });

  it('shows the fleet: PCs bought per option, purchase months and the lines that run out', () => {
    for (const language of ['en', 'ja'] as const) {
      const fleet = find('fleet', language);
      const { t } = translator(language);
      const text = squash(fleet.body);
      expect(text).toContain(squash(t('memo2.fleet.devicesTitle')));
      expect(text).toContain(squash(t('memo2.fleet.purchase', { month: 9, devices: 2 })));
      expect(text).toContain(squash(t('memo2.fleet.runOut', { line: 'Line A', month: 3 })));
      expect(text).toContain(squash(t('memo2.fleet.capacityCaption')));
      expect(text).toContain(squash(t('memo2.costs.group.lower-quality')));
    }
  });

  it('writes the Japanese body in である調 and keeps です・ます to the talking points', () => {
    for (const name of ['visual-inspection', 'internal-documents', 'paying', 'fleet']) {
      const { body } = find(name, 'ja');
      const { t } = translator('ja');
      const start = body.indexOf(t('memo2.section.phrases'));
      const end = body.indexOf(t('memo2.section.details'));
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      const outside = body.slice(0, start) + body.slice(end);
      expect(outside).not.toMatch(/です|ます[。、]/);
      expect(body.slice(start, end)).toMatch(/です。|ます。/);
    }
  });
});

describe('glyph coverage', () => {
  it('every character the memos print has a glyph in both embedded fonts (no .notdef boxes)', () => {
    // fontkit is pdfkit's own font reader; the text is what pdftotext reads back from every memo.
    const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(file: string): { hasGlyphForCodePoint(cp: number): boolean } };
    const fonts = [fontkit.openSync(FONT_FILES.regular), fontkit.openSync(FONT_FILES.bold)];
    const missing = new Set<string>();
    for (const memo of generated) {
      for (const char of memo.pageTexts.join('')) {
        if (/\s/.test(char)) continue;
        const cp = char.codePointAt(0)!;
        if (!fonts.every((f) => f.hasGlyphForCodePoint(cp))) missing.add(`${char} U+${cp.toString(16)}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});

describe('Japanese text extraction', () => {
  it('finds the Japanese level phrase, headings and scenario name: the fonts carry ToUnicode maps', () => {
    const ja = generated.find((g) => g.name === 'visual-inspection' && g.language === 'ja')!;
    const { t } = translator('ja');
    expect(ja.body).toContain(t(`level.${ja.result.recommendation.level}`));
    expect(ja.body).toContain(t('memo2.compare.title'));
    expect(ja.body).toContain('前提条件');
    expect(ja.body).toContain('製造ラインの外観検査');
    expect(ja.body).toMatch(/[\u3040-\u30ff]{4,}/);
  });
});

describe('reproducibility and the content hash', () => {
  const base = (): MemoRequest => ({ scenario: exampleScenario('internal-documents', 'en'), benchmark: null, language: 'en', date: DATE, appVersion: VERSION });

  it('gives byte-identical PDFs for the same inputs, seed and date', () => {
    const a = generateMemo(base());
    const b = generateMemo(base());
    expect(a.contentHash).toBe(b.contentHash);
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
  });

  it('changes the content hash with the seed or the language, not with the date', () => {
    const reference = generated.find((g) => g.name === 'internal-documents' && g.language === 'en')!;
    const plain = generateMemo(base());
    const seeded = base();
    seeded.scenario.uncertainty.seed += 1;
    const otherSeed = generateMemo(seeded);
    expect(otherSeed.contentHash).not.toBe(plain.contentHash);
    expect(Buffer.from(otherSeed.pdf).equals(Buffer.from(plain.pdf))).toBe(false);
    const japanese = generateMemo({ ...base(), language: 'ja' });
    expect(japanese.contentHash).not.toBe(plain.contentHash);
    const later = generateMemo({ ...base(), date: '2026-12-01' });
    expect(later.contentHash).toBe(plain.contentHash);
    expect(Buffer.from(later.pdf).equals(Buffer.from(plain.pdf))).toBe(false);
    // The revision labels the memo but is not one of the hashed inputs.
    expect(reference.contentHash).toBe(plain.contentHash);
  });

  it('refuses a bad date, language or revision, naming the field', () => {
    expect(() => generateMemo({ ...base(), date: '2026-13-01' })).toThrow(/^date: /);
    expect(() => generateMemo({ ...base(), language: 'de' as Language })).toThrow(/^language: /);
    expect(() => generateMemo({ ...base(), revision: 0 })).toThrow(InputError);
  });
});

describe('writing the memo', () => {
  const request = (): MemoRequest => ({ scenario: exampleScenario('visual-inspection', 'en'), benchmark: null, language: 'en', date: DATE, appVersion: VERSION });

  it('writes atomically, leaves no temporary file and refuses to overwrite without being told to', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'advisor-memo-'));
    const file = path.join(dir, 'memo.pdf');
    const written = writeMemo(file, request());
    expect(written.path).toBe(file);
    expect(readdirSync(dir)).toEqual(['memo.pdf']);
    const first = readFileSync(file);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.byteLength).toBe(written.bytes);

    const japanese = { ...request(), language: 'ja' as const };
    expect(() => writeMemo(file, japanese)).toThrow(MemoExistsError);
    expect(() => writeMemo(file, japanese)).toThrow(file);
    expect(readFileSync(file).equals(first)).toBe(true);

    const replaced = writeMemo(file, japanese, { overwrite: true });
    expect(replaced.contentHash).not.toBe(written.contentHash);
    expect(readFileSync(file).equals(first)).toBe(false);
    expect(readdirSync(dir)).toEqual(['memo.pdf']);
  });

  it('names the folder when it does not exist', () => {
    const missing = path.join(tmpdir(), 'advisor-memo-missing', 'nested', 'memo.pdf');
    expect(() => writeMemo(missing, request())).toThrow(path.dirname(missing));
  });
});
