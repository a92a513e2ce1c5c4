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
import { chartLabels, optionName, sparsityText } from '../../src-main/core/charts/labels.js';
import { recommendedOption } from '../../src-main/core/charts/savings-over-time.js';
import { translator, type Language } from '../../src-main/core/i18n/index.js';
import { InputError } from '../../src-main/core/input.js';
import { evaluateScenario, type RoiResult } from '../../src-main/core/roi/evaluate.js';
import { explainRecommendation } from '../../src-main/core/roi/explain.js';
import type { Scenario } from '../../src-main/core/roi/scenario.js';
import { generateMemo, type MemoRequest } from '../../src-main/memo/generate-memo.js';
import { longDate } from '../../src-main/memo/memo-context.js';
import { FONT_FILES } from '../../src-main/memo/fonts.js';
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

/** A language scenario where sparsity pays back within the horizon on measured hardware. */
function payingScenario(): Scenario {
  return scenarioWith('t5', (s) => {
    s.name = 'Support assistant at scale';
    s.baseline.trainingData.value = 1e12;
    s.baseline.availableData.value = 1e12;
    s.deployment.requestsPerDay.value = 5e7;
    s.deployment.unitsPerRequest.value = 197;
    s.engineering.personDays.value = 40;
    s.sparsity.candidates = [0.5, 0.75, 0.9];
    s.uncertainty.draws = 5000;
  });
}
const PAYING_BENCH = benchmarkDocument([measuredRow('cpu', 0.5, 2), measuredRow('cpu', 0.75, 3), measuredRow('cpu', 0.9, 4)]);

interface Case {
  name: string;
  language: Language;
  request: MemoRequest;
}

const CASES: Case[] = [
  ...(['en', 'ja'] as const).flatMap((language) => [
    { name: 'visual-inspection', language, request: { scenario: exampleScenario('visual-inspection', language), benchmark: BENCH, language, date: DATE, appVersion: VERSION } },
    { name: 'internal-documents', language, request: { scenario: exampleScenario('internal-documents', language), benchmark: null, language, date: DATE, appVersion: VERSION, revision: 3 } },
  ]),
  { name: 'paying', language: 'en', request: { scenario: payingScenario(), benchmark: PAYING_BENCH, language: 'en', date: DATE, appVersion: VERSION } },
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
    const memo = generateMemo(c.request);
    const file = path.join(ARTIFACTS, `${c.name}.${c.language}.pdf`);
    writeFileSync(file, memo.pdf);
    run('pdftoppm', '-r', '50', '-png', file, path.join(ARTIFACTS, `${c.name}.${c.language}`));
    const pageTexts = Array.from({ length: memo.pages }, (_, i) => run('pdftotext', '-raw', '-f', String(i + 1), '-l', String(i + 1), file, '-'));
    const short = memo.contentHash.slice(0, 12);
    const footer = (line: string) => line.startsWith(`Sparsity Advisor ${VERSION} ·`) || line.startsWith(`${short} ·`);
    const body = pageTexts.map((page) => page.split('\n').filter((line) => !footer(line)).join('\n')).join('\n');
    generated.push({ ...c, file, pages: memo.pages, contentHash: memo.contentHash, pdf: memo.pdf, body, pageTexts, result: evaluateScenario(c.request.scenario, c.request.benchmark) });
  }
}, 120_000);

describe.each(CASES.map((c) => [`${c.name}.${c.language}`, c] as const))('memo %s', (_label, c) => {
  const memo = () => generated.find((g) => g.name === c.name && g.language === c.language)!;

  it('has every section, in the memo language, with the recommendation and its reasons', () => {
    const { body, result, request, language } = memo();
    const text = squash(body);
    const tr = translator(language);
    const { t } = tr;
    const words = explainRecommendation(result, language);
    const has = (expected: string) => expect(text, expected).toContain(squash(expected));
    // 1. title, date, scenario, decision asked
    has(t('memo.title'));
    has(request.scenario.name);
    has(longDate(language, DATE));
    has(t('memo.meta.decision'));
    // 2. conclusion first
    for (const key of ['conclusion', 'findings', 'costs', 'charts', 'risks', 'phrases', 'appendix']) has(t(`memo.section.${key}`));
    has(words.level);
    has(t(`likelihood.${result.recommendation.likelihood}`));
    has(t(`confidence.${result.recommendation.confidence}`));
    has(words.headline);
    has(words.reasons.dataVolume);
    has(words.reasons.hardware);
    has(words.reasons.pruningCost);
    words.caps.forEach(has);
    // 3. the three checks with their numbers
    has(t('memo.findings.dataVolume.title'));
    has(t('memo.findings.hardware.title'));
    has(t('memo.findings.pruningCost.title'));
    has(sparsityText(tr, result.optimal.sparsity));
    for (const option of result.options.filter((o) => o.kind === 'sparse')) has(t(`memo.findings.hardware.kind.${option.speedup.kind}`));
    // 4. cost of ownership per option
    for (const option of result.options) has(optionName(option, tr));
    // 5. charts, drawn as vectors: their axis names are text in the PDF
    const labels = chartLabels(result, language);
    has(labels.lossCurve.sparsityAxis);
    has(labels.savingsOverTime.monthAxis);
    has(labels.tornado.low);
    has(labels.savingsDistribution.shareAxis);
    has(labels.costOfOwnership.training);
    // 6. conditions and risks: where the law comes from, how far it is extrapolated, dense training cost
    words.conditions.forEach(has);
    expect(text).toContain('JFT-4B');
    expect(text).toContain('C4');
    has(t('memo.risks.denseTraining'));
    const extrapolation = recommendedOption(result).extrapolation;
    if (extrapolation.extrapolates) {
      has(t('memo.risks.outside', { factor: tr.number(extrapolation.factor), axes: '' }).split('{{')[0]!.replace(/[.。:：]\s*$/, ''));
      has(tr.times(extrapolation.factor));
    } else {
      has(t('memo.risks.inside'));
    }
    // 7. phrases for the meeting
    has(t(`memo.phrases.level.${result.recommendation.level}`, {
      sparsity: sparsityText(tr, recommendedOption(result).sparsity),
      likelihood: t(`likelihood.${result.recommendation.likelihood}`),
      horizon: result.inputs.horizonMonths,
    }));
    // 8. appendix: every input's source, the coefficients' source, the run's facts
    const s = request.scenario;
    for (const q of [s.baseline.params, s.baseline.trainingData, s.training.pricePerHour, s.engineering.dayRate, s.deployment.requestsPerDay, s.deployment.horizonMonths]) {
      if (q.source) has(q.source.note);
    }
    has('arXiv:2309.08520');
    has('sparsity-scaling.ipynb');
    has(VERSION);
    has(String(s.uncertainty.seed));
    has(memo().contentHash);
    if (request.benchmark) {
      has(request.benchmark.id);
      has(request.benchmark.inventory.cpu.model);
    } else {
      has(t('memo.appendix.benchmarkNone'));
    }
    has(request.revision ? String(request.revision) : t('memo.meta.unsaved'));
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
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(8);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pngs = readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${c.name}.${c.language}-`) && f.endsWith('.png'));
    expect(pngs).toHaveLength(pages);
    expect(memo().pdf.byteLength).toBeLessThan(2 * 1024 * 1024);
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
    expect(ja.body).toContain('結論');
    expect(ja.body).toContain('前提条件とリスク');
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
