import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunsCsv } from '../../src-main/core/law/runs-csv.js';
import { cli, cliJson } from '../support/cli.js';
import { t5Runs } from '../support/paper-runs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'advisor-pilot-cli-'));

describe('sparsity-advisor fit: the held-out block', () => {
  const csv = path.join(dir, 't5.csv');
  writeFileSync(csv, ['sparsity,nonzero_params,data,loss', ...t5Runs().map((r) => `${r.sparsity},${r.nonzero},${r.data},${r.loss}`)].join('\n'));

  it('carries the held-out checks in --json and the saved document, with vectors after a bootstrap', () => {
    const saved = path.join(dir, 'fit.json');
    const out = cliJson<any>('fit', '--csv', csv, '--log-residuals', '--starts', '8', '--seed', '1', '--bootstrap', '12', '--save', saved);
    const [size, data] = out.heldOut.checks;
    expect(size).toMatchObject({ kind: 'largest-size', possible: true, fittedRuns: 36 });
    expect(size.runs).toHaveLength(12);
    expect(data).toEqual({ kind: 'longest-training', possible: false, reason: { code: 'too-few-data-levels', levels: 3 } });
    expect(['extrapolates-well', 'use-with-care', 'unreliable']).toContain(out.heldOut.verdict);
    expect(out.trust.quantities.some((q: { kind: string }) => q.kind === 'multiplier')).toBe(true);
    const doc = JSON.parse(readFileSync(saved, 'utf8'));
    expect(doc.validation.verdict).toBe(out.heldOut.verdict);
    expect(doc.uncertainty.vectors).toHaveLength(12 - out.bootstrap.failed);
  });

  it('says in text why the longest-training check is not possible', () => {
    const run = cli('fit', '--csv', csv, '--log-residuals', '--starts', '4');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/longest training: not possible — only 3 data levels/);
    expect(run.stdout).toMatch(/Verdict: (extrapolates well|use with care|unreliable)/);
  });
});

describe('sparsity-advisor pilot-plan', () => {
  const base = ['pilot-plan', '--family', 'vit', '--budget-gpu-hours', '60', '--gpu-flops', '312e12', '--utilisation', '0.4'];

  it('plans within the budget, writes the fitter’s CSV and keeps an existing file', () => {
    const csv = path.join(dir, 'plan.csv');
    const out = cliJson<any>(...base, '--target-sparsities', '0.5,0.75', '--csv', csv);
    expect(out.plan.totalGpuHours).toBeLessThanOrEqual(60);
    expect(out.plan.hardware.tokensPerUnit).toBe(197);
    const text = readFileSync(csv, 'utf8');
    expect(parseRunsCsv(text.replace(/,\n/g, ',4\n'))).toHaveLength(out.plan.runs.length);
    const again = cli(...base, '--csv', csv);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--csv');
    expect(readFileSync(csv, 'utf8')).toBe(text);
  });

  it('prints the run list, the predicted intervals and the extrapolation in text', () => {
    const run = cli(...base);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/m\(0\.75\) 2\.172 +\[/);
    expect(run.stdout).toContain('Twice the budget');
    expect(run.stdout).toContain('Pilot first');
  });

  it('refuses bad flags by name and names the smallest budget that works', () => {
    const cases: [string[], string][] = [
      [['pilot-plan', '--family', 'vit', '--budget-gpu-hours', '0', '--gpu-flops', '312e12', '--utilisation', '0.4'], '--budget-gpu-hours'],
      [['pilot-plan', '--family', 'vit', '--budget-gpu-hours', 'nan', '--gpu-flops', '312e12', '--utilisation', '0.4'], '--budget-gpu-hours'],
      [['pilot-plan', '--family', 'vit', '--budget-gpu-hours', '60', '--gpu-flops', '-1', '--utilisation', '0.4'], '--gpu-flops'],
      [['pilot-plan', '--family', 'vit', '--budget-gpu-hours', '60', '--gpu-flops', '312e12', '--utilisation', '40'], '--utilisation'],
      [['pilot-plan', '--family', 'vit', '--budget-gpu-hours', '60', '--gpu-flops', '312e12'], '--utilisation'],
      [['pilot-plan', '--family', 'bert', '--budget-gpu-hours', '60', '--gpu-flops', '312e12', '--utilisation', '0.4'], '--family'],
    ];
    for (const [args, flag] of cases) {
      const run = cli(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(flag);
    }
    const small = cli('pilot-plan', '--family', 't5', '--budget-gpu-hours', '2', '--gpu-flops', '312e12', '--utilisation', '0.4');
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/--budget-gpu-hours: .*smallest budget that works is [\d.]+ GPU-hours/);
  });
});
