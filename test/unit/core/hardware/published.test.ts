import { describe, expect, it } from 'vitest';
import {
  PUBLISHED,
  PUBLISHED_LABEL,
  PUBLISHED_TARGETS,
  SMALL_BATCH_TOKENS,
  SPARSITY_TOLERANCE,
  adviceEntry,
  citation,
  publishedSpeedup,
  publishedTarget,
  targetRows,
  type PublishedFile,
  type PublishedRow,
} from '../../../../src-main/core/hardware/published.js';
import { InputError } from '../../../../src-main/core/input.js';
import { translator } from '../../../../src-main/core/i18n/index.js';

const row = (id: string): PublishedRow => PUBLISHED.rows.find((r) => r.id === id)!;
const sortedMedian = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const withRows = (rows: PublishedRow[]): PublishedFile => ({ ...PUBLISHED, rows });

describe('published speed-ups for a deployment target', () => {
  it('builds the range from clean end-to-end rows only: min, median and max', () => {
    const out = publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4' });
    expect(out.kind).toBe('range');
    if (out.kind !== 'range') return;
    for (const u of out.used) {
      expect(u.row.level, u.row.id).toBe('end-to-end');
      expect(u.row.confounders, u.row.id).toEqual([]);
    }
    const clean = targetRows(publishedTarget('a100-2of4')).filter((r) => r.level === 'end-to-end' && r.confounders.length === 0);
    expect(out.used.map((u) => u.row.id).sort()).toEqual(clean.map((r) => r.id).sort());
    const values = clean.map((r) => r.speedup);
    expect(out.range).toEqual({ low: Math.min(...values), value: sortedMedian(values), high: Math.max(...values) });
    expect(out.label).toBe(PUBLISHED_LABEL);
  });

  it('shows kernel-level and confounded rows with the reason they are left out', () => {
    const out = publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4' });
    const shown = (id: string) => out.rows.find((r) => r.row.id === id)!;
    expect(shown('A1')).toMatchObject({ used: false, reasons: ['kernel-level'] });
    expect(shown('A5-fc1').reasons).toContain('kernel-level');
    expect(shown('A6-s384-bs1')).toMatchObject({ used: false, reasons: ['confounded'], confounders: ['different-models'] });
    expect(shown('A8').confounders).toEqual(['marketing']);
    expect(shown('A3-int8-mix').confounders).toEqual(['with-quantization']);
    expect(out.rows.findIndex((r) => !r.used)).toBe(out.rows.filter((r) => r.used).length);
  });

  it('never lets a figure with a confounder set the range, even the largest ones', () => {
    const out = publishedSpeedup('h100-2of4', { sparsity: 0.5, pattern: '2:4' });
    expect(out.kind).toBe('range');
    if (out.kind !== 'range') return;
    expect(out.range.high).toBeLessThan(row('A9-bs32').speedup);
    const a9 = out.rows.find((r) => r.row.id === 'A9-bs32')!;
    expect(a9.confounders).toEqual(['sparse-1gpu-vs-dense-2gpu']);
    expect(out.rows.find((r) => r.row.id === 'A10-fp8-throughput')!.confounders).toEqual(['with-quantization']);
  });

  it('never uses a kernel-level figure alone: a target with only kernel rows has no match', () => {
    const kernelOnly = withRows(PUBLISHED.rows.filter((r) => !(r.hardwareClass === 'a100' && r.pattern === '2:4' && r.level === 'end-to-end')));
    const out = publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4' }, kernelOnly);
    expect(out).toMatchObject({ kind: 'no-match', reason: 'kernel-only' });
    expect(out.rows.length).toBeGreaterThan(0);
  });

  it('says clearly when no end-to-end figure matches, so the engine falls back to assumed', () => {
    const openvino = publishedSpeedup('x86-openvino', { sparsity: 0.5, pattern: 'unstructured' });
    expect(openvino).toMatchObject({ kind: 'no-match', reason: 'no-rows' });
    expect(openvino.kind === 'no-match' && openvino.message).toMatch(/falling back to the assumed speed-up/);
    expect(openvino.adviceKeys).toContain('openvino-sparse-off');

    const gpu = publishedSpeedup('nvidia-unstructured', { sparsity: 0.8, pattern: 'unstructured' });
    expect(gpu).toMatchObject({ kind: 'no-match', reason: 'all-confounded' });

    const pattern = publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: 'unstructured' });
    expect(pattern).toMatchObject({ kind: 'no-match', reason: 'pattern' });
    expect(pattern.rows.every((r) => r.reasons.includes('pattern-mismatch'))).toBe(true);
  });

  it('uses rows within the sparsity tolerance and names the published sparsities on a miss', () => {
    const c1 = PUBLISHED.rows.filter((r) => r.table === 'C1');
    const near = (s: number) => c1.filter((r) => Math.abs((r.sparsity as number) - s) <= SPARSITY_TOLERANCE + 1e-9).map((r) => r.speedup);
    const at50 = publishedSpeedup('x86-deepsparse', { sparsity: 0.5, pattern: 'unstructured' });
    expect(at50.kind === 'range' && at50.range.value).toBe(sortedMedian(near(0.5)));
    const at65 = publishedSpeedup('x86-deepsparse', { sparsity: 0.65, pattern: 'unstructured' });
    expect(at65.kind === 'range' && at65.range).toEqual({ low: Math.min(...near(0.65)), value: sortedMedian(near(0.65)), high: Math.max(...near(0.65)) });
    const at90 = publishedSpeedup('x86-deepsparse', { sparsity: 0.9, pattern: 'unstructured' });
    expect(at90).toMatchObject({ kind: 'no-match', reason: 'sparsity', availableSparsities: c1.map((r) => r.sparsity).sort() });
    expect(at90.rows.find((r) => r.row.id === 'C2-deepsparse')!.reasons).toEqual(['confounded']);
  });

  it('covers a stated sparsity band and leaves out rows whose sparsity is not stated', () => {
    const out = publishedSpeedup('arm-xnnpack', { sparsity: 0.8, pattern: 'unstructured' });
    expect(out.kind === 'range' && out.used.map((u) => u.row.table)).toEqual(['D1', 'D1']);
    expect(out.rows.filter((r) => r.row.table === 'D2').every((r) => r.reasons.includes('sparsity-not-stated'))).toBe(true);
  });

  it('counts 2:4 as 50 % whatever sparsity is asked for', () => {
    const a = publishedSpeedup('a100-2of4', { sparsity: 0.75, pattern: '2:4' });
    const b = publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4' });
    expect(a.request.sparsity).toBe(0.5);
    expect(a.kind === 'range' && a.range).toEqual(b.kind === 'range' && b.range);
  });

  it('flags a runtime that has reached end of life, with its source', () => {
    const out = publishedSpeedup('x86-deepsparse', { sparsity: 0.5, pattern: 'unstructured' });
    expect(out.endOfLife.map((e) => e.runtimeId)).toEqual(['deepsparse']);
    expect(out.endOfLife[0]!.note.en).toMatch(/June 2, 2025/);
    expect(out.endOfLife[0]!.note.ja).toMatch(/2025年6月2日/);
    expect(out.endOfLife[0]!.source.repository?.repo).toBe('neuralmagic/deepsparse');
    expect(publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4' }).endOfLife).toEqual([]);
  });

  it('picks the regime advice for 2:4 on GPUs from the tokens per forward pass', () => {
    const small = publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4', tokensPerRequest: 197 });
    expect(small.regime).toBe('small-batch');
    expect(small.adviceKeys[0]).toBe('2of4-small-batch');
    expect(publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4', tokensPerRequest: SMALL_BATCH_TOKENS }).regime).toBe('compute-bound');
    expect(publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4' }).regime).toBe('unknown');
    expect(publishedSpeedup('apple-coreml', { sparsity: 0.75, pattern: 'unstructured', tokensPerRequest: 10 }).regime).toBe('not-applicable');
  });

  it('refuses an unknown target and bad numbers, naming the field', () => {
    expect(() => publishedSpeedup('tpu-v5', { sparsity: 0.5, pattern: '2:4' })).toThrow(InputError);
    expect(() => publishedSpeedup('tpu-v5', { sparsity: 0.5, pattern: '2:4' })).toThrow(/deployment\.speedup\.publishedTarget: is not a known published target/);
    expect(() => publishedSpeedup('a100-2of4', { sparsity: 1, pattern: '2:4' })).toThrow(/^sparsity:/);
    expect(() => publishedSpeedup('a100-2of4', { sparsity: Number.NaN, pattern: '2:4' })).toThrow(/^sparsity:/);
    expect(() => publishedSpeedup('a100-2of4', { sparsity: 0.5, pattern: '2:4', tokensPerRequest: -3 })).toThrow(/^tokensPerRequest:/);
  });

  it('cites each row by title, locator, year and repository commit or address', () => {
    expect(citation(row('A2-bs16').source)).toMatch(/semi-structured.*results.*2023 \(pytorch\/tutorials\/prototype_source\/semi_structured_sparse\.rst@11af4a0\)/);
    expect(citation(row('A15').source)).toMatch(/forums\.developer\.nvidia\.com/);
  });

  it('has advice texts and names in both languages for every target', () => {
    const en = translator('en');
    const ja = translator('ja');
    for (const target of PUBLISHED_TARGETS) {
      for (const key of target.adviceKeys) expect(adviceEntry(key), `${target.id}: ${key}`).toBeDefined();
      expect(en.t(`published.targets.${target.id}.name`)).not.toBe(`published.targets.${target.id}.name`);
      expect(ja.t(`published.targets.${target.id}.name`)).not.toBe(`published.targets.${target.id}.name`);
      expect(ja.t(`published.targets.${target.id}.description`)).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    expect(adviceEntry('2of4-small-batch')).toBeDefined();
  });
});
