/**
 * The result page as rendered (src-renderer/wizard/ResultStep.svelte with src-renderer/result/*):
 * the decision card comes before everything else and holds the best action with money, the pilot
 * line when there is one, the verdict, the confidence and what would change it; export and save sit
 * in the top bar; the side-by-side comparison, base case and range, scope, reasons and caps follow;
 * the engineer's details stay closed until asked for; the page follows the language.
 */
import path from 'node:path';
import { shippedBenchmark } from '../../src-main/io/examples.js';
import { REPO_ROOT } from '../support/cli.js';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src-main/core/i18n/en.js';
import { ja } from '../../src-main/core/i18n/ja.js';
import { resultEn } from '../../src-main/core/i18n/result-en.js';
import { resultJa } from '../../src-main/core/i18n/result-ja.js';
import { explainRecommendation } from '../../src-main/core/roi/explain.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';
import { resultActions, typeset } from '../../src-renderer/lib/result.svelte.js';
import { advisor } from '../../src-renderer/lib/state.svelte.js';
import ResultStep from '../../src-renderer/wizard/ResultStep.svelte';
import { exampleScenario } from '../support/scenarios.js';

beforeEach(() => {
  i18n.set('en');
  advisor.useBenchmark(null);
  resultActions.reset();
  resultActions.memoLanguage = null;
});
afterEach(() => {
  cleanup();
  delete (globalThis as Record<string, unknown>).advisor;
});

/** The page's sections in the order they appear. */
function order(container: HTMLElement, selectors: string[]): number[] {
  const all = Array.from(container.querySelectorAll('*'));
  return selectors.map((s) => all.indexOf(container.querySelector(s)!));
}

describe('the result page', () => {
  it('opens on the decision card: the best action with money, the pilot line, the verdict, confidence and what would change it', () => {
    advisor.load(exampleScenario('internal-documents', 'en'));
    const { container } = render(ResultStep);
    const result = advisor.outcome.result!;
    const e = explainRecommendation(result, 'en');
    const card = screen.getByTestId('decision-card');
    expect(within(card).getByText(typeset(e.headline, 'en'))).toBeTruthy();
    expect(within(card).getByText(e.headlinePilot!)).toBeTruthy();
    expect(within(card).getByText(en.level[result.recommendation.level])).toBeTruthy();
    expect(card.textContent).toContain(en.likelihood[result.recommendation.likelihood]);
    expect(card.textContent).toContain(en.confidence[result.recommendation.confidence]);
    for (const label of [resultEn.card.savings, resultEn.card.sparsity, resultEn.card.confidence, resultEn.card.change]) {
      expect(within(card).getByText(label)).toBeTruthy();
    }
    // Decision first: the title bar with the two actions, then the card, then the comparison and the rest.
    const [title, exportButton, cardAt, compare, range, reasons] = order(container, [
      'h1',
      '[data-action="export"]',
      '[data-testid="decision-card"]',
      '#result-compare',
      '#result-range',
      '#result-reasons',
    ]);
    expect(title).toBeLessThan(cardAt!);
    expect(exportButton).toBeLessThan(cardAt!);
    expect(cardAt).toBeLessThan(compare!);
    expect(compare).toBeLessThan(range!);
    expect(range).toBeLessThan(reasons!);
    expect(screen.getByRole('button', { name: resultEn.actions.export })).toBeTruthy();
    expect(screen.getByRole('button', { name: resultEn.actions.save })).toBeTruthy();
    expect(screen.getByText(resultEn.scope)).toBeTruthy();
    expect(screen.getByRole('heading', { name: resultEn.sections.caps })).toBeTruthy();
    expect(screen.getByRole('heading', { name: resultEn.sections.pilot })).toBeTruthy();
  });

  it('has no pilot line when the best action needs none, and names today’s model in the comparison', () => {
    // Opened as the app opens it: with the hardware check the example cites.
    advisor.load(exampleScenario('visual-inspection', 'en'));
    advisor.useBenchmark(shippedBenchmark(path.join(REPO_ROOT, 'resources'), advisor.scenario));
    render(ResultStep);
    const result = advisor.outcome.result!;
    expect(result.benchmarkId).not.toBeNull();
    expect(explainRecommendation(result, 'en').headlinePilot).toBeNull();
    const card = screen.getByTestId('decision-card');
    expect(card.querySelector('.pilot')).toBeNull();
    const table = document.querySelector('table.comparison')!;
    expect(table.querySelectorAll('thead th').length).toBe(3);
    expect(within(table as HTMLElement).getByRole('rowheader', { name: /Line PCs bought/ })).toBeTruthy();
  });

  it('keeps the engineer’s details closed until asked, then shows every option grouped', async () => {
    advisor.load(exampleScenario('existing-language-model', 'en'));
    const { container } = render(ResultStep);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(container.querySelector('table.options')).toBeNull();
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(container.querySelectorAll('table.options').length).toBe(2));
    const groups = Array.from(container.querySelectorAll('table.options')[0]!.querySelectorAll('tr.group th')).map((th) => th.textContent);
    expect(groups[0]).toMatch(/today’s quality/);
    expect(groups.length).toBe(new Set(advisor.outcome.result!.options.map((o) => o.group)).size);
  });

  it('follows the language, every word of it', async () => {
    advisor.load(exampleScenario('internal-documents', 'ja'));
    render(ResultStep);
    i18n.set('ja');
    const result = advisor.outcome.result!;
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(resultJa.title));
    const card = screen.getByTestId('decision-card');
    expect(card.textContent).toContain(ja.level[result.recommendation.level]);
    expect(card.textContent).toMatch(/万円/);
    expect(card.textContent).not.toMatch(/[A-Za-z]{4,}/);
    expect(screen.getByRole('button', { name: resultJa.actions.export })).toBeTruthy();
  });

  it('exports the memo from the top bar and says where it went', async () => {
    advisor.load(exampleScenario('internal-documents', 'en'));
    (globalThis as Record<string, unknown>).advisor = {
      exportMemo: async () => ({ ok: true, value: { path: '/memos/decision.pdf', contentHash: 'h', pages: 6, scenarioRef: { id: 's', revision: 1 } } }),
    };
    render(ResultStep);
    await fireEvent.click(screen.getByRole('button', { name: resultEn.actions.export }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('/memos/decision.pdf'));
  });

  it('says what went wrong in the reader’s language when saving fails', async () => {
    advisor.load(exampleScenario('internal-documents', 'ja'));
    i18n.set('ja');
    (globalThis as Record<string, unknown>).advisor = { saveScenario: async () => ({ ok: false, error: 'revision conflict' }) };
    render(ResultStep);
    await fireEvent.click(screen.getByRole('button', { name: resultJa.actions.save }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(resultJa.actions.saveFailed.replace('{{details}}', 'revision conflict')));
  });
});
