/**
 * The PDF decision memo, generated in Node with pdfkit: the same function serves the Electron
 * main process and the CLI. Fonts are embedded and subset; charts are vectors from the core's
 * ECharts option builders. With the date pinned, the same inputs give the same bytes.
 */
import PDFDocument from 'pdfkit';
import { chartLabels, withMinus } from '../core/charts/labels.js';
import { recommendedOption } from '../core/charts/savings-over-time.js';
import type { BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { isLanguage, LOCALES, translator, type Language } from '../core/i18n/index.js';
import { InputError } from '../core/input.js';
import { evaluateScenario } from '../core/roi/evaluate.js';
import { explainRecommendation } from '../core/roi/explain.js';
import { type Scenario } from '../core/roi/scenario.js';
import { readScenario } from '../core/roi/scenario-migrate.js';
import { contentHash, SHORT_HASH_LENGTH } from './content-hash.js';
import { registerFonts } from './fonts.js';
import { longDate, type MemoContext } from './memo-context.js';
import { MemoLayout, PAGE } from './pdf-layout.js';
import { appendixSection } from './sections/appendix.js';
import { chartsSection } from './sections/charts.js';
import { conclusionSection } from './sections/conclusion.js';
import { costsSection } from './sections/costs.js';
import { findingsSection } from './sections/findings.js';
import { phrasesSection } from './sections/phrases.js';
import { risksSection } from './sections/risks.js';
import { titleBlock } from './sections/title.js';

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
}

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

export function generateMemo(request: MemoRequest): Memo {
  const { scenario, creationDate, revision } = checkRequest(request);
  const { language, benchmark, appVersion, date } = request;
  const hash = contentHash({ scenario, benchmarkId: benchmark?.id ?? null, language, appVersion, seed: scenario.uncertainty.seed });
  const result = evaluateScenario(scenario, benchmark);
  const tr = translator(language);

  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margins,
    bufferPages: true,
    lang: LOCALES[language],
    displayTitle: true,
    info: {
      Title: `${tr.t('memo.title')} — ${scenario.name}`,
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
  const context: MemoContext = {
    layout,
    language,
    tr,
    t: tr.t,
    scenario,
    benchmark,
    result,
    explanation: explainRecommendation(result, language),
    option: recommendedOption(result),
    labels: chartLabels(result, language),
    date,
    appVersion,
    revision,
    contentHash: hash,
    money: (value) => withMinus(tr.money(value, result.currency)),
    data: (value) => `${tr.count(value)} ${tr.t(`unit.${result.dataPosition.dataUnit}`)}`,
    longDate: (iso) => longDate(language, iso),
  };

  titleBlock(context);
  const sections = [conclusionSection, findingsSection, costsSection, chartsSection, risksSection, phrasesSection, appendixSection];
  sections.forEach((section, index) => section(context, index + 1));

  const pages = layout.footers(
    tr.t('memo.footer.left', { version: appVersion, scenario: scenario.name, date: context.longDate(date) }),
    (page, total) => tr.t('memo.footer.right', { hash: hash.slice(0, SHORT_HASH_LENGTH), page, pages: total }),
  );
  doc.end();
  return { pdf: drain(doc), contentHash: hash, pages };
}
