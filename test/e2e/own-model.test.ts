/**
 * "Measure our own model" in Chromium with the real handlers: the harness answers the open
 * dialog with a small CNN file; the page shows what it found, measures it on the CPU, shows the
 * table and hands the run to the decision. The page never sees the file's path.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownModelEn } from '../../src-main/core/i18n/own-model-en.js';
import { ownModelJa } from '../../src-main/core/i18n/own-model-ja.js';
import { uiEn } from '../../src-main/core/i18n/ui-en.js';
import { cnnModel } from '../support/own-models.js';
import { exampleScenario } from '../support/scenarios.js';
import { CHROMIUM, screenshot, startSession, type Session } from './harness.js';

const folder = mkdtempSync(path.join(tmpdir(), 'advisor-e2e-model-'));
const modelFile = path.join(folder, 'line3-inspection.onnx');
writeFileSync(modelFile, cnnModel());

describe.skipIf(!existsSync(CHROMIUM))('measuring our own model in the app', () => {
  let session: Session;
  beforeAll(async () => {
    session = await startSession({ locale: 'en-US', osLanguage: 'en', modelFile });
  });
  afterAll(async () => session?.close());

  it('picks the model file, measures it and shows the table', async () => {
    const { page } = session;
    const invoked: string[] = [];
    page.on('console', (m) => invoked.push(m.text()));
    await page.goto(`${session.origin}/index.html#/start`);
    await page.getByRole('button', { name: exampleScenario('visual-inspection').name }).click();
    // Straight to the hardware page, as the browser's address bar would take it (the situation and data pages come first).
    await page.evaluate(() => (location.hash = '#/hardware'));
    await page.getByRole('heading', { level: 1, name: uiEn.hardware.title }).waitFor();
    await page.getByRole('heading', { name: ownModelEn.title }).waitFor();

    await page.getByRole('button', { name: ownModelEn.choose }).click();
    await page.getByText('line3-inspection.onnx').first().waitFor();
    await page.getByText(ownModelEn.family.cnn).waitFor();
    // The page knows the file by name only.
    expect(await page.content()).not.toContain(folder);

    await page.getByRole('button', { name: ownModelEn.run }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('heading', { name: 'Results for line3-inspection.onnx' }).waitFor({ timeout: 90_000 });
    const table = page.locator('table.own-model-table');
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBe(7);
    const kinds = await table.locator('.badge').allTextContents();
    expect(kinds).toContain(ownModelEn.kind.measured);
    expect(kinds).toContain(ownModelEn.kind.estimate);
    await page.getByText(/Output change against the dense model/).waitFor();
    await screenshot(page, 'own-model-table');

    const runs = session.store.benchmarks.list();
    expect(runs).toHaveLength(1);
    expect(session.store.benchmarks.get(runs[0]!.id).document.model!.fileName).toBe('line3-inspection.onnx');

    await page.getByRole('button', { name: ownModelEn.use }).click();
    await page.getByText(ownModelEn.inUse).waitFor();
    expect(invoked.filter((m) => m.includes(folder))).toEqual([]);
  }, 150_000);

  it('shows the panel in Japanese', async () => {
    const { page } = session;
    await page.getByLabel(uiEn.language).selectOption('ja');
    await page.getByRole('heading', { name: ownModelJa.title }).waitFor();
    await page.getByRole('columnheader', { name: ownModelJa.columns.throughput }).waitFor();
    await screenshot(page, 'own-model-table-ja');
    await page.getByLabel(/言語|Language/).selectOption('en');
  });
});
