import { resultEn } from '../../src-main/core/i18n/result-en.js';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { uxEn } from '../../src-main/core/i18n/ux-en.js';
import { uiJa } from '../../src-main/core/i18n/ui-ja.js';
import { wizard2En } from '../../src-main/core/i18n/wizard2-en.js';
import { wizard2Ja } from '../../src-main/core/i18n/wizard2-ja.js';
import { CHROMIUM, screenshot, startSession, type Session } from './harness.js';
import { benchmarkDocument, exampleScenario, EXAMPLES, measuredRow } from '../support/scenarios.js';

const hasChromium = existsSync(CHROMIUM);
const LANGUAGES = [
  { language: 'en', locale: 'en-US', ui: uiEn, w: wizard2En },
  { language: 'ja', locale: 'ja-JP', ui: uiJa, w: wizard2Ja },
] as const;

describe.skipIf(!hasChromium)('the wizard in Chromium, backed by the real main-process handlers', () => {
  for (const { language, locale, ui, w } of LANGUAGES) {
    describe(`in ${language}`, () => {
      let session: Session;
      beforeAll(async () => {
        session = await startSession({ locale, osLanguage: language });
        // A hardware check saved on this machine, for the example whose speed-ups are measured.
        session.store.benchmarks.save(benchmarkDocument([measuredRow('cpu', 0.5, 1.3), measuredRow('cpu', 0.75, 1.6)]));
      });
      afterAll(async () => session?.close());

      it.each(EXAMPLES)('walks the %s example from start to recommendation', async (example) => {
        const { page } = session;
        const scenario = exampleScenario(example, language);
        await page.goto(`${session.origin}/index.html`);
        await page.getByRole('heading', { level: 1, name: ui.start.title }).waitFor();
        await screenshot(page, `${language}-${example}-1-start`);
        await page.getByRole('button', { name: scenario.name }).click();

        const steps = [
          ['2-situation', w.situation.title],
          ['3-data', ui.data.title],
          ['4-hardware', ui.hardware.title],
          ['5-pruning', ui.pruning.title],
          ['6-money', ui.money.title],
        ] as const;
        for (const [name, title] of steps) {
          await page.getByRole('heading', { level: 1, name: title }).waitFor();
          // "Measured" with nothing measured yet: load the saved check, as the page asks.
          if (name === '4-hardware' && scenario.deployment.speedup.source === 'measured') {
            await page.getByLabel(ui.hardware.saved).selectOption('bench-test');
          }
          if (name === '4-hardware') await page.locator('.lead').waitFor();
          await screenshot(page, `${language}-${example}-${name}`);
          await page.getByRole('button', { name: ui.continue, exact: true }).click();
        }
        await page.getByRole('heading', { level: 1, name: ui.check.title }).waitFor();
        await screenshot(page, `${language}-${example}-7-check`);
        await page.getByRole('button', { name: ui.check.seeResult }).click();

        await page.getByRole('heading', { level: 1, name: ui.result.title }).waitFor();
        // The result was computed: no summary of problems stands in its place.
        expect(await page.locator('.error-summary').count()).toBe(0);
        await screenshot(page, `${language}-${example}-8-result`);
      });

      it('makes no request outside the app’s own origin, and breaks no content security rule', () => {
        const outside = session.requests.filter((url) => !url.startsWith(`${session.origin}/`));
        expect(outside).toEqual([]);
        expect(session.consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
        expect(session.consoleErrors).toEqual([]);
      });
    });
  }

  describe('hardware check, saving and the memo', () => {
    let session: Session;
    beforeAll(async () => {
      session = await startSession({ locale: 'en-US', osLanguage: 'en' });
    });
    afterAll(async () => session?.close());

    it('runs a quick hardware check with progress, names the machine and shows labelled rows behind Details', async () => {
      const { page } = session;
      await page.goto(`${session.origin}/index.html#/start`);
      await page.getByRole('button', { name: exampleScenario('visual-inspection').name }).click();
      for (let i = 0; i < 2; i++) await page.getByRole('button', { name: uiEn.continue, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: uiEn.hardware.title }).waitFor();
      await page.getByRole('button', { name: uiEn.hardware.runQuick }).click();
      await page.getByRole('progressbar').waitFor();
      await screenshot(page, 'hardware-running');
      // The example's own shipped check is already named; wait for this machine's run to finish.
      await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 90_000 });
      const lead = page.locator('.lead');
      await lead.waitFor({ timeout: 90_000 });
      expect(await lead.textContent()).toMatch(/^Measured on the development machine \(.+, \d+ cores\)/);
      await page.locator('details', { hasText: uxEn.hardware.details }).locator('summary').click();
      await page.getByRole('heading', { name: uiEn.hardware.table }).waitFor();
      const kinds = await page.locator('.badge').allTextContents();
      expect(kinds).toContain(uiEn.hardware.kind.measured);
      expect(kinds).toContain(uiEn.hardware.kind['upper-bound']);
      await screenshot(page, 'hardware-table');
      expect(session.store.benchmarks.list()).toHaveLength(1);
    }, 120_000);

    it('switches language at any time', async () => {
      const { page } = session;
      await page.getByLabel(uiEn.language).selectOption('ja');
      await page.getByRole('heading', { level: 1, name: uiJa.hardware.title }).waitFor();
      await page.getByLabel(uiJa.language).selectOption('en');
      await page.getByRole('heading', { level: 1, name: uiEn.hardware.title }).waitFor();
    });

    it('saves the scenario and exports a memo that exists on disk', async () => {
      const { page } = session;
      await page.goto(`${session.origin}/index.html#/result`);
      await page.getByRole('heading', { level: 1, name: uiEn.result.title }).waitFor();
      await page.getByRole('button', { name: resultEn.actions.save }).click();
      await page.getByRole('status').filter({ hasText: 'revision 1' }).waitFor();
      expect(session.store.scenarios.list()).toHaveLength(1);
      await page.getByLabel(resultEn.actions.memoLanguage).selectOption('ja');
      await page.getByRole('button', { name: resultEn.actions.export }).click();
      const status = page.getByRole('status').filter({ hasText: '.pdf' });
      await status.waitFor({ timeout: 60_000 });
      const file = (await status.textContent())!.replace(/^.*?: /, '').trim();
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      await screenshot(page, 'memo-exported');
    }, 120_000);
  });
});
