/**
 * The PDF decision memo, generated in Node with pdfkit: the same function serves the Electron
 * main process and the CLI. Fonts are embedded and subset; charts are vectors from the core's
 * ECharts option builders. With the date pinned, the same inputs give the same bytes.
 */
import { capacityVsDemandOption } from '../core/charts/capacity-vs-demand.js';
import { devicesBoughtOption } from '../core/charts/devices-bought.js';
import { fleetChartLabels } from '../core/charts/fleet-labels.js';
import PDFDocument from 'pdfkit';
import { chartLabels } from '../core/charts/labels.js';
import type { BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { isLanguage, LOCALES, translator, type Language } from '../core/i18n/index.js';
import { InputError } from '../core/input.js';
import { evaluateScenario, type EvaluateOptions, type RoiResult } from '../core/roi/evaluate.js';
import { explainRecommendation, type Explanation } from '../core/roi/explain.js';
import { type Scenario } from '../core/roi/scenario.js';
import { readScenario } from '../core/roi/scenario-migrate.js';
import { contentHash, SHORT_HASH_LENGTH } from './content-hash.js';
import { registerFonts } from './fonts.js';
import { longDate, optionNamer, type MemoContext } from './memo-context.js';
import { memoFormat, typographic } from './memo-format.js';
import { MemoLayout, PAGE } from './pdf-layout.js';
import { appendixSection } from './sections/appendix.js';
import { costsSection } from './sections/costs.js';
import { detailsSection } from './sections/details.js';
import { fleetSection, type FleetCharts } from './sections/fleet.js';
import { phrasesSection } from './sections/phrases.js';
import { risksSection } from './sections/risks.js';
import { sensitivitySection } from './sections/sensitivity.js';
import { summarySection } from './sections/summary.js';

export interface MemoRequest {
  scenario: Scenario;
  benchmark: BenchmarkResult | null;
  language: Language;
  /** YYYY-MM-DD: the memo's date and the PDF's CreationDate. Pinning it makes the bytes reproducible. */
  date: string;
  /** The app's version (package.json), printed in the footer and the appendix. */
  appVersion: string;
  /** The stored scenario's revision, when the scenario has been saved. */
  revision?: number | null;
  /** What the app evaluates with (published speed-ups, the law's bootstrap vectors), so the memo shows the same numbers. */
  settings?: EvaluateOptions;
}

/** The fleet chart builders: capacity against demand per option, and devices bought per option. */
export const FLEET_CHARTS: FleetCharts = {
  capacityVsDemand: (plans, c) => capacityVsDemandOption(plans, fleetChartLabels(c.language, c.result.currency).capacityVsDemand, 'print'),
  devicesBought: (plans, c) => devicesBoughtOption(plans, fleetChartLabels(c.language, c.result.currency).devicesBought, 'print'),
};

export interface Memo {
  pdf: Uint8Array;
  /** SHA-256 (hex) of the canonical inputs; the footer shows its first 12 digits. */
  contentHash: string;
  pages: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's date where the user is, as YYYY-MM-DD: the default memo date (UTC would give yesterday's date on a Tokyo morning). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function parseMemoDate(field: string, text: string): Date {
  const match = DATE.exec(text);
  const date = new Date(`${text}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new InputError(field, `must be a date like 2026-11-27 (got ${JSON.stringify(text)})`);
  }
  return date;
}

function checkRequest(request: MemoRequest): { scenario: Scenario; creationDate: Date; revision: number | null } {
  if (!isLanguage(request.language)) throw new InputError('language', `must be en or ja (got ${JSON.stringify(request.language)})`);
  const creationDate = parseMemoDate('date', request.date);
  if (typeof request.appVersion !== 'string' || request.appVersion.trim() === '') throw new InputError('appVersion', 'must not be empty');
  const revision = request.revision ?? null;
  if (revision !== null && !(Number.isInteger(revision) && revision >= 1)) {
    throw new InputError('revision', `must be a whole number ≥ 1 (got ${String(revision)})`);
  }
  return { scenario: readScenario(request.scenario), creationDate, revision };
}

/** pdfkit streams its output; the chunks are all buffered by the time end() returns, so they are read synchronously. */
function drain(doc: PDFKit.PDFDocument): Uint8Array {
  const chunks: Buffer[] = [];
  for (let chunk: Buffer | null = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
  const pdf = Buffer.concat(chunks);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

function typesetExplanation(e: Explanation, language: Language): Explanation {
  const fix = (text: string) => typographic(text, language);
  return {
    ...e,
    headline: fix(e.headline),
    headlinePilot: e.headlinePilot === null ? null : fix(e.headlinePilot),
    verdict: fix(e.verdict),
    reasons: { dataVolume: fix(e.reasons.dataVolume), hardware: fix(e.reasons.hardware), pruningCost: fix(e.reasons.pruningCost) },
    caps: e.caps.map(fix),
    notes: e.notes.map(fix),
    confidenceReasons: e.confidenceReasons.map(fix),
    pilot: e.pilot.map(fix),
    wouldChange: e.wouldChange.map(fix),
  };
}

export function generateMemo(request: MemoRequest): Memo {
  const { scenario } = checkRequest(request);
  const result = evaluateScenario(scenario, request.benchmark, request.settings ?? {});
  return renderMemo({ ...request, scenario }, result);
}

/**
 * Lays out the memo for an evaluated result. generateMemo evaluates first; tests hand in a result
 * they built themselves (a fleet plan, say) to check a page the examples do not reach.
 */
export function renderMemo(request: MemoRequest, result: RoiResult, fleetCharts: FleetCharts | null = FLEET_CHARTS): Memo {
  const { scenario, creationDate, revision } = checkRequest(request);
  const { language, benchmark, appVersion, date } = request;
  const hash = contentHash({ scenario, benchmarkId: benchmark?.id ?? null, language, appVersion, seed: scenario.uncertainty.seed });
  const tr = translator(language);

  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    lang: LOCALES[language],
    displayTitle: true,
    info: {
      Title: `${tr.t('memo2.title')} — ${scenario.name}`,
      Author: 'Sparsity Advisor',
      Subject: scenario.name,
      Keywords: hash,
      Creator: `Sparsity Advisor ${appVersion}`,
      CreationDate: creationDate,
      ModDate: creationDate,
    },
  });
  registerFonts(doc);
  const layout = new MemoLayout(doc);
  const labels = chartLabels(result, language);
  const byId = (id: string | null) => result.options.find((o) => o.id === id) ?? null;
  const f = memoFormat(tr, result.currency);
  const context: MemoContext = {
    layout,
    language,
    tr,
    t: tr.t,
    f,
    scenario,
    benchmark,
    result,
    explanation: typesetExplanation(explainRecommendation(result, language), language),
    baseline: result.options[0]!,
    headline: byId(result.headlineId) ?? result.options[0]!,
    sparse: byId(result.bestSparseId),
    alternative: byId(result.alternativeId) ?? result.options[0]!,
    // The cost chart names its parts as the cost table's columns do.
    labels: {
      ...labels,
      costOfOwnership: {
        ...labels.costOfOwnership,
        costAxis: tr.t('memo2.costs.chartAxis', { currency: f.currency }),
        training: tr.t('memo2.costs.column.training'),
        pruning: tr.t('memo2.costs.column.pruning'),
        engineering: tr.t('memo2.costs.column.engineering'),
        data: tr.t('memo2.costs.column.data'),
        inference: tr.t('memo2.costs.column.serving'),
      },
    },
    date,
    appVersion,
    revision,
    contentHash: hash,
    name: optionNamer(result, tr),
    data: (value) => f.data(value, result.dataPosition.dataUnit),
    longDate: (iso) => longDate(language, iso),
  };

  // Page 1 is the executive summary; the numbered sections follow on page 2, the appendices after them.
  summarySection(context);
  layout.newPage();
  let number = 1;
  costsSection(context, number++);
  if (result.deploymentKind === 'fleet') fleetSection(context, number++, fleetCharts);
  risksSection(context, number++);
  phrasesSection(context, number++);
  detailsSection(context);
  sensitivitySection(context);
  appendixSection(context);

  const pages = layout.footers(
    tr.t('memo2.footer.left', { version: appVersion, scenario: scenario.name, date: context.longDate(date) }),
    (page, total) => tr.t('memo2.footer.right', { hash: hash.slice(0, SHORT_HASH_LENGTH), page, pages: total }),
  );
  doc.end();
  return { pdf: drain(doc), contentHash: hash, pages };
}
