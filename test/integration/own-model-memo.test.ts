/**
 * A memo whose hardware evidence is an own-model benchmark names the model, in both languages:
 * in the hardware findings and in the appendix's benchmark block (text read back with pdftotext).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkResultSchema, type BenchmarkResult } from '../../src-main/core/hardware/benchmark-result.js';
import { generateMemo } from '../../src-main/memo/generate-memo.js';
import { benchmarkDocument, exampleScenario, measuredRow } from '../support/scenarios.js';

const folder = mkdtempSync(path.join(tmpdir(), 'advisor-own-model-memo-'));

function modelRun(): BenchmarkResult {
  const doc = benchmarkDocument([measuredRow('cpu', 0.5, 1.1), measuredRow('cpu', 0.9, 1.4)]);
  return benchmarkResultSchema.parse({
    ...doc,
    model: {
      fileName: 'line3-inspection.onnx',
      sha256: 'ab'.repeat(32),
      bytes: 19_000,
      externalDataBytes: 0,
      irVersion: 8,
      opset: 17,
      producer: 'pytorch',
      family: 'cnn',
      selection: 'default',
      inputs: [{ name: 'X', dtype: 'float32', shape: [1, 3, 224, 224] }],
      batch: 1,
      ops: [{ opType: 'Conv', nodes: 3, params: 3600, prunableParams: 3400 }],
      totalParams: 4500,
      prunableParams: 3970,
      prunableShare: 0.882,
      pattern: 'unstructured',
      prunedLayers: [{ name: 'conv2', opType: 'Conv', params: 1152, reductionSize: 72, reason: 'inner Conv layer' }],
      leftDense: [],
      outputChange: [{ provider: 'cpu', sparsity: 0.5, relative: 0.2, finite: true }],
      placement: [{ provider: 'cpu', nodesByProvider: { CPUExecutionProvider: 8 } }],
      layerTimings: [],
    },
  });
}

describe('the memo of a decision measured on our own model', () => {
  it.each(['en', 'ja'] as const)('names the model in the hardware findings and the appendix (%s)', (language) => {
    const memo = generateMemo({ scenario: exampleScenario('visual-inspection', language), benchmark: modelRun(), language, date: '2026-11-27', appVersion: '0.1.0-test' });
    const file = path.join(folder, `memo.${language}.pdf`);
    writeFileSync(file, memo.pdf);
    const text = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    const mentions = text.split('line3-inspection.onnx').length - 1;
    expect(mentions).toBeGreaterThanOrEqual(2);
    expect(text).toContain(language === 'en' ? 'measuredourownmodel' : '当社のモデル');
    expect(text).toContain('abababababab');
  });
});
