/**
 * The result page as a managing director meets it, in Chromium at 1024×640 and 1280×720, in English
 * and Japanese, for every worked example: the decision card and the memo export button lie inside the
 * first viewport, nothing runs off the right edge, no scenario path shows, no English word appears on
 * a Japanese page, and after scrolling the export and save buttons are still on screen. Details opens
 * on charts whose text is at least 12 px. Screenshots go to test-results/e2e/result/ for review.
 * The example is opened from the Start page and the result reached through the address bar
 * (#/result), the path the browser's back and forward buttons take. RESULT_PAGE_RENDERER may name
 * another built renderer (a preview build of this page) to serve instead of out/renderer.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultEn } from '../../src-main/core/i18n/result-en.js';
import { resultJa } from '../../src-main/core/i18n/result-ja.js';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { uiJa } from '../../src-main/core/i18n/ui-ja.js';
import { EXAMPLES, exampleScenario } from '../support/scenarios.js';
import { CHROMIUM, SCREENSHOTS, startSession, type Session } from './harness.js';
import { englishIn, FIELD_PATH, I18N_KEY, outsideFirstViewport, overflowing, textNodes } from './page-checks.js';

const hasChromium = existsSync(CHROMIUM);
const SHOTS = path.join(SCREENSHOTS, 'result');
const rendererRoot = process.env.RESULT_PAGE_RENDERER || undefined;
const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1280, height: 720 },
] as const;
const LANGUAGES = [
  { language: 'en', locale: 'en-US', ui: uiEn, result: resultEn },
  { language: 'ja', locale: 'ja-JP', ui: uiJa, result: resultJa },
] as const;

async function shot(page: Page, name: string, fullPage: boolean): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function checks(page: Page, language: 'en' | 'ja', where: string): Promise<void> {
  expect(await overflowing(page), `${where}: overflow`).toEqual([]);
  const texts = await textNodes(page);
  expect(texts.filter((t) => FIELD_PATH.test(t)), `${where}: field paths on screen`).toEqual([]);
  expect(texts.filter((t) => I18N_KEY.test(t)), `${where}: untranslated keys on screen`).toEqual([]);
  if (language === 'ja') expect(englishIn(texts), `${where}: English on a Japanese page`).toEqual([]);
}

/** Every chart text's computed size in px. */
async function chartTextSizes(page: Page): Promise<number[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.chart svg text')).map((t) => parseFloat(getComputedStyle(t).fontSize)));
}

describe.skipIf(!hasChromium)('the result page, decision first', () => {
  for (const { language, locale, ui, result } of LANGUAGES) {
    describe(`in ${language}`, () => {
      let session: Session;
      beforeAll(async () => {
        session = await startSession({ locale, osLanguage: language, ...(rendererRoot ? { rendererRoot } : {}) });
      });
      afterAll(async () => session?.close());

      for (const viewport of VIEWPORTS) {
        it.each(EXAMPLES)(`shows the %s example's decision in the first viewport at ${viewport.width}×${viewport.height}`, async (example) => {
          const { page } = session;
          const name = `${language}-${viewport.width}-${example}`;
          await page.setViewportSize(viewport);
          await page.goto(`${session.origin}/index.html`);
          await page.getByRole('heading', { level: 1, name: ui.start.title }).waitFor();
          await page.getByRole('button', { name: exampleScenario(example, language).name }).click();
          await page.evaluate(() => (location.hash = '#/result'));
          await page.getByRole('heading', { level: 1, name: result.title }).waitFor();
          const card = page.getByTestId('decision-card');
          await card.waitFor();
          const exportButton = page.getByRole('button', { name: result.actions.export });
          const saveButton = page.getByRole('button', { name: result.actions.save });

          expect(await outsideFirstViewport(card), `${name}: decision card`).toBeNull();
          expect(await outsideFirstViewport(exportButton), `${name}: export button`).toBeNull();
          expect(await outsideFirstViewport(saveButton), `${name}: save button`).toBeNull();
          // The card says what to do with money, the verdict on sparsity, the confidence and what would change it.
          const cardText = (await card.textContent()) ?? '';
          expect(cardText).toMatch(language === 'ja' ? /推奨：/ : /Recommended:/);
          expect(cardText).toMatch(language === 'ja' ? /[\d万億]円/ : /¥\d/);
          for (const label of [result.card.savings, result.card.sparsity, result.card.confidence, result.card.change]) expect(cardText).toContain(label);
          await shot(page, `${name}-1-first-viewport`, false);
          await checks(page, language, name);

          // Scrolled to the bottom, the two actions are still on screen.
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          for (const button of [exportButton, saveButton]) {
            const box = (await button.boundingBox())!;
            expect(box.y, `${name}: sticky actions`).toBeGreaterThanOrEqual(0);
            expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
          }

          // Details: the engineer's charts and tables, chart text no smaller than 12 px.
          await page.getByText(result.details.summary).click();
          await page.locator('.chart svg text').first().waitFor();
          const sizes = await chartTextSizes(page);
          expect(sizes.length).toBeGreaterThan(0);
          expect(Math.min(...sizes), `${name}: smallest chart text`).toBeGreaterThanOrEqual(12);
          // Every example has at least five charts; a fleet adds capacity and devices bought, and the tornado and the
          // advantage histogram appear only when a sparse option competes (none does in the factory example).
          expect(await page.locator('.chart').count()).toBeGreaterThanOrEqual(5);
          await page.evaluate(() => window.scrollTo(0, 0));
          await shot(page, `${name}-2-full`, true);
          await checks(page, language, `${name} details`);
        });
      }

      it('exports the memo and saves the scenario from the bar', async () => {
        const { page } = session;
        await page.setViewportSize(VIEWPORTS[0]);
        await page.goto(`${session.origin}/index.html`);
        await page.getByRole('heading', { level: 1, name: ui.start.title }).waitFor();
        await page.getByRole('button', { name: exampleScenario('internal-documents', language).name }).click();
        await page.evaluate(() => (location.hash = '#/result'));
        await page.getByTestId('decision-card').waitFor();
        await page.getByRole('button', { name: result.actions.save }).click();
        await page.getByRole('status').filter({ hasText: result.actions.saved.replace('{{revision}}', '1') }).waitFor();
        await page.getByRole('button', { name: result.actions.export }).click();
        const status = page.getByRole('status').filter({ hasText: result.actions.exported.split('{{path}}')[0]!.trim() });
        await status.waitFor({ timeout: 60_000 });
        const written = ((await status.textContent()) ?? '').split(/[:：]\s*/).slice(1).join(':').trim();
        expect(existsSync(written), written).toBe(true);
        expect(await overflowing(page)).toEqual([]);
        await shot(page, `${language}-1024-exported`, false);
      });
    });
  }
});
