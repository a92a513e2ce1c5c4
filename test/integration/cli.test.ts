import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson } from '../support/cli.js';
import { t5Runs } from '../support/paper-runs.js';

describe('sparsity-advisor law', () => {
  it('predicts the T5-XL point with units and an extrapolation warning', () => {
    const out = cliJson<any>('law', '--family', 't5', '--sparsity', '0.75', '--nonzero', '603979776', '--data', '3.2768e10');
    expect(out.loss.value).toBeCloseTo(1.4683005585, 8);
    expect(out.multiplier.value).toBeCloseTo(2.1568, 4);
    expect(out.input.data.unit).toBe('tokens');
    expect(out.extrapolation.extrapolates).toBe(true);
    expect(out.extrapolation.factor).toBeCloseTo(7.111, 3);
    expect(out.law.coefficientsRounded.aD).toBe(6.9e8);
    expect(out.law.source.citation).toContain('arXiv:2309.08520');
  });

  it('prints a readable answer by default and accepts suffixed numbers', () => {
    const run = cli('law', '--family', 'vit', '--sparsity', '0.5', '--nonzero', '10M', '--data', '1B');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Predicted loss: 5.9352');
    expect(run.stdout).toContain('Within the fitted range');
  });
});

describe('sparsity-advisor optimal', () => {
  it('gives S_opt, the threshold and the compute unit', () => {
    const n = 42_467_328;
    const out = cliJson<any>('optimal', '--family', 'vit', '--nonzero', String(n), '--compute', String(6 * n * 1e10));
    expect(out.sparsity).toBeCloseTo(0.6972, 4);
    expect(out.threshold.data).toBeCloseTo(1.006e9, -7);
    expect(out.units.compute).toContain('not FLOPs');
    const text = cli('optimal', '--family', 't5', '--nonzero', '1e8', '--compute', '1e17').stdout;
    expect(text).toContain('Optimal sparsity: 0 — sparsity does not pay');
  });
});

describe('sparsity-advisor fit', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'advisor-cli-'));
  const csv = path.join(dir, 't5.csv');
  writeFileSync(
    csv,
    ['sparsity,nonzero_params,data,loss,label', ...t5Runs().map((r) => `${r.sparsity},${r.nonzero},${r.data},${r.loss},${r.label}`)].join('\n'),
  );

  it('fits, bootstraps and saves coefficients that law --coefficients accepts', () => {
    const saved = path.join(dir, 'fit.json');
    const out = cliJson<any>('fit', '--csv', csv, '--log-residuals', '--starts', '8', '--seed', '1', '--bootstrap', '8', '--save', saved);
    expect(out.fit.objective).toBeLessThanOrEqual(7.603605e-6);
    expect(out.fit.settings.huberDelta).toBe(0.001);
    expect(out.bootstrap.resamples).toBe(8);
    expect(out.fit.diagnostics.runs).toHaveLength(48);
    const document = JSON.parse(readFileSync(saved, 'utf8'));
    expect(document.format).toBe('sparsity-advisor/coefficients');
    const law = cliJson<any>('law', '--coefficients', saved, '--sparsity', '0.5', '--nonzero', '5e6', '--data', '2e10');
    expect(law.law.source.citation).toContain('48 runs');
    expect(law.extrapolation.rangeKnown).toBe(true);
    const mismatch = cli('law', '--family', 'vit', '--coefficients', saved, '--sparsity', '0', '--nonzero', '1e6', '--data', '1e9');
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('measures data in tokens');
  });

  it('prints the coefficient table and diagnostics for people', () => {
    const run = cli('fit', '--csv', csv, '--log-residuals', '--starts', '4', '--seed', '1');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Objective: mean Huber loss 4\.88\d+e-6/);
    expect(run.stdout).toContain('RMSE');
    expect(run.stdout).toContain('Largest errors:');
  });

  it('names the line and column of a bad row', () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'sparsity,nonzero_params,data,loss\n0,1e6,1e9,3\n0.5,1e6,lots,3\n');
    const run = cli('fit', '--csv', bad);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('line 3, column data');
  });
});

describe('bad input', () => {
  const cases: [string[], string][] = [
    [['law', '--family', 'vit', '--sparsity', '1', '--nonzero', '1e6', '--data', '1e9'], '--sparsity'],
    [['law', '--family', 'vit', '--sparsity', '0.5', '--nonzero', '-3', '--data', '1e9'], '--nonzero'],
    [['law', '--family', 'bert', '--sparsity', '0.5', '--nonzero', '1e6', '--data', '1e9'], '--family'],
    [['law', '--family', 'vit', '--sparsity', '0.5', '--nonzero', '1e6'], '--data'],
    [['optimal', '--family', 'vit', '--nonzero', '1e6', '--compute', 'NaN'], '--compute'],
    [['law', '--coefficients', '/nonexistent.json', '--sparsity', '0', '--nonzero', '1', '--data', '1'], '--coefficients'],
    [['fit', '--csv', '/nonexistent.csv'], '--csv'],
    [['law', '--bogus'], '--bogus'],
    [['frobnicate'], 'unknown command'],
  ];
  it.each(cases)('%j exits 2 with a one-line error naming %s', (args, name) => {
    const run = cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(name);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
