import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkResultSchema } from '../../src-main/core/hardware/benchmark-result.js';
import { readBenchmarkFile } from '../../src-main/bench/result-file.js';
import { cli } from '../support/cli.js';

// Tiny shapes keep each run to a few seconds; the quick suite's own shape is timed by `npm run bench`.
const TINY = ['--d-model', '32', '--ffn-width', '64', '--tokens', '1', '--providers', 'cpu'];

describe('sparsity-advisor bench', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'advisor-bench-cli-'));

  it('bench --quick --json prints a valid result document, writes it with --out and files it with --save-db', () => {
    const file = path.join(dir, 'run.json');
    const db = path.join(dir, 'advisor.db');
    const run = cli('bench', '--quick', ...TINY, '--threads', '1', '--role', 'deployment', '--out', file, '--save-db', db, '--json');
    expect(run.code, run.stderr).toBe(0);
    const doc = benchmarkResultSchema.parse(JSON.parse(run.stdout));
    expect(doc.role).toBe('deployment');
    expect(doc.settings).toMatchObject({ quick: true, threads: 1, dModel: 32, ffnWidth: 64, tokens: [1], providers: ['cpu'] });
    expect(doc.table.find((r) => r.variant === 'dense')!.kind).toBe('measured');
    expect(readBenchmarkFile(file)).toEqual(doc);
    const exported = path.join(dir, 'exported.json');
    const exportRun = cli('scenarios', 'export', '--benchmark', doc.id, '--db', db, '--out', exported);
    expect(exportRun.code, exportRun.stderr).toBe(0);
    expect(readBenchmarkFile(exported)).toEqual(doc);
  });

  it('prints a table a person can read, with the label of every row', () => {
    const run = cli('bench', '--quick', ...TINY);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^provider\s+variant\s+S\s+tokens\s+median ms\s+speed-up \[interval\]\s+label$/m);
    expect(run.stdout).toMatch(/^cpu\s+dense\s+0\s+1\s+[\d.e-]+\s+×1 \[[\d.]+–[\d.]+\]\s+measured/m);
    expect(run.stdout).toMatch(/^cpu\s+upper-bound\s+0\.95\s+1\s+.*upper bound/m);
    expect(run.stdout).toMatch(/^cpu\s+2:4\s+0\.5\s+1\s+.*same as 50 % unstructured/m);
    expect(run.stdout).toContain('Providers: cpu ✓');
    expect(run.stdout).toContain('Machine role: development (figures describe this machine, not the deployment machine; set with --role)');
  });

  const bad: [string[], string][] = [
    [['--threads', '0'], '--threads'],
    [['--tokens', '1,zero'], '--tokens'],
    [['--providers', 'cpu,tpu'], '--providers'],
    [['--d-model', '40000', '--ffn-width', '160000'], '--d-model/--ffn-width'],
    [['--frobnicate'], '--frobnicate'],
    [['--role', 'production'], '--role'],
  ];
  it.each(bad)('%j exits 2 with a one-line error naming %s', (args, name) => {
    const run = cli('bench', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`sparsity-advisor bench: error: ${name}`);
  });
});
