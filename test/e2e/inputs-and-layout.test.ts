/**
 * The wizard as a manager meets it, in Chromium at 1024×640 and 1280×720, in English and Japanese,
 * for all three worked examples (a trained model on line PCs, a planned model on rented computers
 * with assumed speed-ups, a trained one with published figures): the situation shown as the example
 * has it, Japanese numbers accepted as typed, "measured" with nothing measured and an invalid answer block Continue
 * behind a linked error summary, nothing runs off the right edge, no scenario path reaches the
 * screen, and no English word leaks into the Japanese pages. A screenshot of every step goes to
 * test-results/e2e/ux/ for review.
 */
import { overflowing } from './page-checks.js';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { uiJa } from '../../src-main/core/i18n/ui-ja.js';
import { uxEn } from '../../src-main/core/i18n/ux-en.js';
import { uxJa } from '../../src-main/core/i18n/ux-ja.js';
import { wizard2En } from '../../src-main/core/i18n/wizard2-en.js';
import { wizard2Ja } from '../../src-main/core/i18n/wizard2-ja.js';
import { CHROMIUM, SCREENSHOTS, startSession, type Session } from './harness.js';
import { benchmarkDocument, EXAMPLES, exampleScenario, measuredRow } from '../support/scenarios.js';
import { existsSync } from 'node:fs';

const hasChromium = existsSync(CHROMIUM);
const SHOTS = path.join(SCREENSHOTS, 'ux');
const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
] as const;
const LANGUAGES = [
  { language: 'en', locale: 'en-US', ui: uiEn, ux: uxEn, w: wizard2En },
  { language: 'ja', locale: 'ja-JP', ui: uiJa, ux: uxJa, w: wizard2Ja },
] as const;

/** A scenario path such as baseline.uniqueData.value, as zod or a log would print it. */
const FIELD_PATH = /\b(baseline|deployment|training|engineering|pruning|uncertainty|sparsity|family|data|decision|architecture)\.[a-zA-Z]+/;

/** Words of the English screens that must never appear on a Japanese one. */
const ENGLISH_ONLY = [
  'Continue', 'Back', 'Change', 'Measuring', 'Enter a number', 'must be', 'greater than', 'at most', 'at least',
  'Provider', 'provider', 'Upper bound', 'upper bound', 'Details', 'Choose File', 'No file chosen', 'Choose a file',
  'unreliable', 'measured', 'assumed', 'App default', 'Your input', 'Worked example', 'Assumption', 'requests',
  'per day', 'utilisation', 'Utilisation', 'Sparsity', 'Speed-up', 'speed-up', 'Hardware check', 'There is a problem',
  'Scenario', 'parameters', 'images', 'tokens', 'months', 'Recommendation', 'Not now', 'Go, with',
];

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}


/**
 * Every text node of the page, hidden ones included (an English word in a closed panel still
 * leaks). With `inPageLanguage`, text marked as quoted in another language (lang="en" inside a
 * Japanese page: a source's title, a product name) is left out, as a reader would expect it.
 */
async function textNodes(page: Page, inPageLanguage = false): Promise<string[]> {
  return page.evaluate((own) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || parent?.tagName === 'SCRIPT' || parent?.tagName === 'STYLE') continue;
      if (own && parent?.closest('[lang]')?.getAttribute('lang') !== document.documentElement.lang) continue;
      texts.push(text);
    }
    return texts;
  }, inPageLanguage);
}

async function pageChecks(page: Page, language: 'en' | 'ja', where: string): Promise<void> {
  expect(await overflowing(page), `${where}: overflow`).toEqual([]);
  const texts = await textNodes(page);
  const withPath = texts.filter((t) => FIELD_PATH.test(t));
  expect(withPath, `${where}: field paths on screen`).toEqual([]);
  if (language === 'ja') {
    const english = (await textNodes(page, true)).filter((t) => ENGLISH_ONLY.some((word) => new RegExp(`\\b${word}\\b`).test(t)));
    expect(english, `${where}: English on a Japanese page`).toEqual([]);
  }
}

/** The situation each worked example is in, as the first page must show it. */
const SITUATION: Record<(typeof EXAMPLES)[number], { status: 'planned' | 'trained'; kind: 'metered' | 'fleet'; speedup: 'measured' | 'published' | 'assumed' }> = {
  'visual-inspection': { status: 'trained', kind: 'fleet', speedup: 'measured' },
  'internal-documents': { status: 'planned', kind: 'metered', speedup: 'assumed' },
  'existing-language-model': { status: 'trained', kind: 'metered', speedup: 'published' },
};

/** A hardware check saved on this machine, for the example that measures its speed-ups. */
function savedCheck() {
  return benchmarkDocument([
    measuredRow('cpu', 0, 1, { variant: 'dense', speedup: null, usefulGflops: 40 }),
    measuredRow('cpu', 0.5, 1.3),
    measuredRow('cpu', 0.75, 1.6),
    measuredRow('cpu', 0.5, 1.8, { variant: 'upper-bound', kind: 'upper-bound', note: 'upper bound — ideal sparse kernel; not a sparse measurement' }),
  ]);
}

async function typeInto(page: Page, label: string, text: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.fill(text);
  await box.blur();
  expect(await box.getAttribute('aria-invalid'), `${label} ← ${text}`).toBe('false');
}

describe.skipIf(!hasChromium)('inputs and layout as a manager meets them', () => {
  for (const { language, locale, ui, ux, w } of LANGUAGES) {
    describe(`in ${language}`, () => {
      let session: Session;
      beforeAll(async () => {
        session = await startSession({ locale, osLanguage: language });
        session.store.benchmarks.save(savedCheck());
      });
      afterAll(async () => session?.close());

      for (const viewport of VIEWPORTS) {
        it.each(EXAMPLES)(`walks the %s example at ${viewport.width}×${viewport.height}`, async (example) => {
          const { page } = session;
          await page.setViewportSize(viewport);
          const name = (step: string) => `${language}-${viewport.width}-${example}-${step}`;
          const scenario = exampleScenario(example, language);
          const situation = SITUATION[example];
          const proceed = () => page.getByRole('button', { name: ui.continue, exact: true }).click();
          await page.goto(`${session.origin}/index.html`);
          await page.getByRole('heading', { level: 1, name: ui.start.title }).waitFor();
          // Nothing looks selected at launch: the title does not hold focus.
          expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('H1');
          await shot(page, name('1-start'));
          await pageChecks(page, language, name('start'));
          await page.getByRole('button', { name: scenario.name }).click();

          // The situation, asked plainly, with the example's answers chosen.
          await page.getByRole('heading', { level: 1, name: w.situation.title }).waitFor();
          expect(await page.locator(`input[name="status"][value="${situation.status}"]`).isChecked()).toBe(true);
          expect(await page.locator(`input[name="deployment"][value="${situation.kind}"]`).isChecked()).toBe(true);
          await shot(page, name('2-situation'));
          await pageChecks(page, language, name('situation'));
          await proceed();

          // Data: Japanese numbers as people type them.
          await page.getByRole('heading', { level: 1, name: ui.data.title }).waitFor();
          await typeInto(page, ui.field.params, '8,490万');
          await typeInto(page, w.field.availableData, '3兆');
          await typeInto(page, w.field.uniqueData, '18億');
          if (situation.kind === 'fleet') await typeInto(page, w.field.retrainData, '1,000万');
          expect(await page.getByLabel(ui.field.params, { exact: true }).inputValue()).toBe(language === 'ja' ? '8,490万' : '84.9M');
          expect(await page.getByLabel(w.field.uniqueData, { exact: true }).inputValue()).toBe(language === 'ja' ? '18億' : '1.8B');
          await shot(page, name('3-data'));
          await pageChecks(page, language, name('data'));
          // The ⓘ opens a plain explanation, and Escape closes it.
          const info = page.getByRole('button', { name: ux.term.open.replace('{{term}}', language === 'ja' ? '非ゼロパラメータ数' : 'Non-zero parameters') });
          await info.click();
          await page.getByRole('note').waitFor();
          await shot(page, name('3-data-term'));
          expect(await overflowing(page)).toEqual([]);
          await page.keyboard.press('Escape');
          expect(await page.getByRole('note').count()).toBe(0);
          await proceed();

          // Hardware: the answer is the example's own; "measured" with nothing measured blocks Continue.
          await page.getByRole('heading', { level: 1, name: ui.hardware.title }).waitFor();
          expect(await page.locator(`input[name="speedup-source"][value="${situation.speedup}"]`).isChecked()).toBe(true);
          // A measured example opens with the hardware check it cites (resources/benchmarks), so it is answered.
          // Without one, "measured" blocks Continue: the component tests cover that (hardware step).
          await page.locator('.lead').waitFor();
          await shot(page, name('4-hardware'));
          await pageChecks(page, language, name('hardware'));
          await proceed();

          // Pruning: an invalid answer blocks Continue and shows the summary, which links to it.
          await page.getByRole('heading', { level: 1, name: ui.pruning.title }).waitFor();
          const days = page.getByLabel(ui.field.personDays, { exact: true });
          const before = await days.inputValue();
          await days.fill('abc');
          await proceed();
          const summary = page.locator('.error-summary');
          await summary.waitFor();
          expect(await summary.textContent()).toContain(ux.summary.title);
          expect(await page.getByRole('heading', { level: 1, name: ui.pruning.title }).count()).toBe(1);
          await shot(page, name('5-pruning-error'));
          await pageChecks(page, language, name('pruning-error'));
          await summary.getByRole('link').first().click();
          expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-personDays');
          await days.fill(before);
          await proceed();

          // Use and money: "1,000万" requests a day, or the fleet's lines.
          await page.getByRole('heading', { level: 1, name: ui.money.title }).waitFor();
          if (situation.kind === 'metered') {
            await typeInto(page, ui.field.requestsPerDay, '1,000万');
            // The example's range no longer contains the new volume: it says so, and is moved with it.
            const range = page.locator('#range-requestsPerDay');
            if (await range.locator('input[aria-invalid="true"]').count()) {
              await range.getByLabel(`${w.field.requestsPerDay} ${ui.money.low}`).fill('800万');
              await range.getByLabel(`${w.field.requestsPerDay} ${ui.money.high}`).fill('1,200万');
              await page.keyboard.press('Tab');
              expect(await range.locator('input[aria-invalid="true"]').count()).toBe(0);
            }
          } else expect(await page.getByRole('table', { name: w.money.lines.caption }).locator('tbody tr').count()).toBe(8);
          await shot(page, name('6-money'));
          await pageChecks(page, language, name('money'));
          await proceed();

          await page.getByRole('heading', { level: 1, name: ui.check.title }).waitFor();
          for (const step of ['situation', 'data', 'hardware', 'pruning', 'money'] as const) {
            await page.getByRole('heading', { level: 2, name: w.steps[step] }).waitFor();
          }
          await shot(page, name('7-check'));
          await pageChecks(page, language, name('check'));
          await page.getByRole('button', { name: ui.check.seeResult }).click();
          await page.getByRole('heading', { level: 1, name: ui.result.title }).waitFor();
          expect(await page.locator('.error-summary').count()).toBe(0);
          await shot(page, name('8-result'));
          expect(await overflowing(page)).toEqual([]);
          expect((await textNodes(page)).filter((t) => FIELD_PATH.test(t))).toEqual([]);
        });
      }
    });
  }

  describe('the engineer’s hardware table', () => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession({ locale: 'ja-JP', osLanguage: 'ja' });
      const rows = [
        measuredRow('cpu', 0.5, 1.3),
        measuredRow('cpu', 0.75, 1.9, { reliable: false }),
        measuredRow('cpu', 0.5, 1.8, { variant: 'upper-bound', kind: 'upper-bound', note: 'upper bound — ideal sparse kernel; not a sparse measurement' }),
        measuredRow('cuda', 0.5, 1, { kind: 'unavailable', speedup: null, medianMs: null, note: 'not measured: provider not available' }),
      ];
      session.store.benchmarks.save(benchmarkDocument(rows));
    });
    afterAll(async () => session?.close());

    it('sits behind Details, speaks Japanese, and keeps its headers on one line at 1024 px', async () => {
      const { page } = session;
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.goto(`${session.origin}/index.html`);
      await page.getByRole('button', { name: exampleScenario('visual-inspection', 'ja').name }).click();
      for (let i = 0; i < 2; i++) await page.getByRole('button', { name: uiJa.continue, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: uiJa.hardware.title }).waitFor();
      await page.getByLabel(uiJa.hardware.saved).selectOption('bench-test');
      await page.locator('.lead').waitFor();
      const details = page.locator('details', { hasText: uxJa.hardware.details });
      expect(await details.getAttribute('open')).toBeNull();
      await details.locator('summary').click();
      await page.getByRole('heading', { name: uiJa.hardware.table }).waitFor();
      const header = page.getByRole('columnheader', { name: new RegExp(uiJa.hardware.columns.tokens) });
      await header.waitFor();
      await shot(page, 'ja-1024-hardware-details');
      const lineHeight = await header.evaluate((th) => parseFloat(getComputedStyle(th).lineHeight));
      for (const th of await page.locator('details th').all()) {
        const box = (await th.boundingBox())!;
        expect(box.height, await th.textContent() ?? '').toBeLessThan(lineHeight * 2 + 16);
      }
      await pageChecks(page, 'ja', 'ja-1024-hardware-details');
    });
  });

  describe('saved scenarios side by side', () => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession({ locale: 'ja-JP', osLanguage: 'ja' });
      for (const example of EXAMPLES) session.store.scenarios.create(exampleScenario(example, 'ja'));
    });
    afterAll(async () => session?.close());

    it('compares two scenarios number by number in one table', async () => {
      const { page } = session;
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.goto(`${session.origin}/index.html`);
      await page.getByRole('button', { name: uiJa.nav.library }).click();
      await page.getByRole('heading', { level: 1, name: uiJa.library.title }).waitFor();
      for (const box of (await page.getByRole('checkbox').all()).slice(0, 2)) await box.check();
      await page.getByRole('button', { name: uiJa.library.compare, exact: true }).click();
      const table = page.locator('table.comparison');
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
      expect(await table.getByRole('rowheader', { name: uxJa.library.row.savings }).count()).toBe(1);
      const savings = await table.locator('tr', { hasText: uxJa.library.row.savings }).locator('td').allTextContents();
      expect(savings).toHaveLength(2);
      for (const cell of savings) expect(cell).toMatch(/円$/);
      await shot(page, 'ja-1024-library-comparison');
      await pageChecks(page, 'ja', 'ja-1024-library-comparison');
    });
  });
});
