import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PublishedPicker from '../../src-renderer/components/PublishedPicker.svelte';
import { PUBLISHED, adviceEntry, publishedSpeedup } from '../../src-main/core/hardware/published.js';
import { publishedEn } from '../../src-main/core/i18n/published-en.js';
import { publishedJa } from '../../src-main/core/i18n/published-ja.js';
import { i18n } from '../../src-renderer/lib/i18n.svelte.js';

const targetSelect = () => screen.getByLabelText(publishedEn.picker.target) as HTMLSelectElement;
const rowOf = (id: string) => document.querySelector(`tr[data-row="${id}"]`) as HTMLTableRowElement;

async function pick(id: string): Promise<void> {
  await fireEvent.change(targetSelect(), { target: { value: id } });
}

beforeEach(() => i18n.set('en'));
afterEach(cleanup);

describe('PublishedPicker', () => {
  it('shows the range, the rows it uses, and greys the rows it leaves out with the reason', async () => {
    render(PublishedPicker, { sparsity: 0.5, pattern: '2:4' });
    await pick('a100-2of4');
    const outcome = publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4' });
    expect(outcome.kind).toBe('range');
    expect(screen.getByText(/^Published range: .*from \d+ whole-model figures/).textContent).toContain(`from ${outcome.kind === 'range' ? outcome.used.length : 0}`);
    expect(screen.getByText(publishedEn.label)).toBeTruthy();

    const used = rowOf('A2-bs16');
    expect(used.classList.contains('excluded')).toBe(false);
    expect(within(used).getByText(publishedEn.picker.used)).toBeTruthy();

    const confounded = rowOf('A6-s384-bs1');
    expect(confounded.classList.contains('excluded')).toBe(true);
    expect(confounded.textContent).toContain(publishedEn.confounder['different-models']);
    expect(rowOf('A1').textContent).toContain(publishedEn.reason['kernel-level']);
    expect(rowOf('A2-bs16').textContent).toContain('pytorch/tutorials/prototype_source/semi_structured_sparse.rst@11af4a0');
  });

  it('shows the regime advice from the table’s synthesis, small batch first when few tokens', async () => {
    render(PublishedPicker, { sparsity: 0.5, pattern: '2:4', tokensPerRequest: 197 });
    await pick('a100-2of4');
    const paragraphs = [...document.querySelectorAll('p.advice')].map((p) => p.getAttribute('data-key'));
    expect(paragraphs[0]).toBe('2of4-small-batch');
    expect(screen.getByText(adviceEntry('2of4-compute-bound')!.en)).toBeTruthy();
    expect(screen.getByText(publishedEn.regime['small-batch'])).toBeTruthy();
  });

  it('flags an end-of-life runtime', async () => {
    render(PublishedPicker, { sparsity: 0.5, pattern: 'unstructured' });
    await pick('x86-deepsparse');
    const eol = document.querySelector('p.eol')!;
    expect(eol.textContent).toContain(publishedEn.picker.endOfLife);
    expect(eol.textContent).toContain('June 2, 2025');
  });

  it('says in words when no whole-model figure matches, instead of an empty table', async () => {
    render(PublishedPicker, { sparsity: 0.5, pattern: 'unstructured' });
    await pick('x86-openvino');
    expect(screen.getByText(publishedEn.picker.noMatchTitle)).toBeTruthy();
    expect(screen.getByText(publishedEn.noMatch['no-rows'])).toBeTruthy();
    expect(screen.getByText(publishedEn.picker.fallback)).toBeTruthy();
    expect(document.querySelector('table')).toBeNull();
    expect(screen.getByText(adviceEntry('openvino-sparse-off')!.en)).toBeTruthy();
  });

  it('follows the scenario: a sparsity with no published figure names the sparsities that have one', async () => {
    const view = render(PublishedPicker, { sparsity: 0.5, pattern: 'unstructured' });
    await pick('x86-deepsparse');
    expect(screen.getByText(/^Published range:/)).toBeTruthy();
    await view.rerender({ sparsity: 0.9, pattern: 'unstructured' });
    const c1 = PUBLISHED.rows.filter((r) => r.table === 'C1').map((r) => `${Math.round((r.sparsity as number) * 100)}%`);
    expect(screen.getByText(new RegExp(`published at ${c1.join(', ')}`))).toBeTruthy();
  });

  it('emits the chosen target', async () => {
    const onchoose = vi.fn();
    render(PublishedPicker, { sparsity: 0.75, pattern: 'unstructured', onchoose });
    await pick('apple-coreml');
    await fireEvent.click(screen.getByRole('button', { name: publishedEn.picker.use }));
    expect(onchoose).toHaveBeenCalledWith('apple-coreml');
    expect(screen.getByText(`Using ${publishedEn.targets['apple-coreml'].name}.`)).toBeTruthy();
  });

  it('speaks Japanese when switched', async () => {
    i18n.set('ja');
    render(PublishedPicker, { sparsity: 0.5, pattern: '2:4' });
    await fireEvent.change(screen.getByLabelText(publishedJa.picker.target), { target: { value: 'a100-2of4' } });
    expect(screen.getByText(publishedJa.picker.title)).toBeTruthy();
    expect(screen.getByText(adviceEntry('2of4-compute-bound')!.ja)).toBeTruthy();
    expect(rowOf('A2-bs16').textContent).toContain('1.28倍');
    expect(rowOf('A6-s384-bs1').textContent).toContain(publishedJa.confounder['different-models']);
  });
});
