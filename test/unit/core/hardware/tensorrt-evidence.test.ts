import { describe, expect, it } from 'vitest';
import { evidenceText, parseSparsityLog } from '../../../../src-main/core/hardware/tensorrt-evidence.js';

// Lines shaped like TensorRT's info-level "(Sparsity)" messages behind ORT's log prefix (not captured from a GPU run).
const PICKED = [
  '2026-11-29 10:00:00.1 [I:onnxruntime:, tensorrt_execution_provider.h:86 log] [TensorRT EP] (Sparsity) Layers eligible for sparse math: /MatMul, /MatMul_1, /MatMul_2',
  '2026-11-29 10:00:09.4 [I:onnxruntime:, tensorrt_execution_provider.h:86 log] [TensorRT EP] (Sparsity) TRT inference plan picked sparse implementation for layers: /MatMul_1, /MatMul_2',
].join('\n');

describe('TensorRT sparsity evidence', () => {
  it('reads the eligible and picked layers from the build log', () => {
    expect(parseSparsityLog(PICKED)).toEqual({ eligible: ['/MatMul', '/MatMul_1', '/MatMul_2'], picked: ['/MatMul_1', '/MatMul_2'], source: 'build-log' });
    expect(evidenceText(parseSparsityLog(PICKED))).toBe('TensorRT picked a sparse implementation for 2 of 3 eligible layer(s) (build log)');
  });

  it('reads eligible layers without a picked line as "TRT chose dense"', () => {
    const dense = parseSparsityLog(PICKED.split('\n')[0]!);
    expect(dense!.picked).toEqual([]);
    expect(evidenceText(dense)).toMatch(/^TRT chose dense: 3 layer\(s\) eligible for sparse math, none picked/);
  });

  it('reads "no eligible layers"', () => {
    expect(evidenceText(parseSparsityLog('[TensorRT EP] (Sparsity) No eligible layers found for sparse math'))).toMatch(/^TRT chose dense: no layer eligible/);
  });

  it('says so when the log is silent, and when the evidence came with a cached engine', () => {
    expect(parseSparsityLog('[I:onnxruntime:] Session created')).toBeNull();
    expect(evidenceText(null)).toContain('did not say');
    expect(evidenceText({ ...parseSparsityLog(PICKED)!, source: 'engine-cache' })).toContain('engine from the cache');
  });
});
