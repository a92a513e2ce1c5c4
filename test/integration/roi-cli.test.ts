import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliJson } from '../support/cli.js';
import { benchmarkDocument, measuredRow } from '../support/scenarios.js';

const example = (name: string) => `resources/scenarios/${name}.json`;

describe('sparsity-advisor roi', () => {
  it('evaluates a worked example into one JSON document', () => {
    const out = cliJson<any>('roi', '--scenario', example('internal-documents.en'));
    expect(out.result.options.map((o: any) => o.kind)).toEqual(['baseline', 'dense', 'sparse']);
    expect(out.result.headlineId).toBe('dense-new');
    expect(out.result.monteCarlo.draws).toBe(10000);
    expect(out.explanation.reasons.hardware).toContain('assumed');
    expect(out.result.recommendation.level).toMatch(/^(go|go-with-conditions|pilot-first|not-now|no)$/);
  });

  it('reads a hardware-check file and uses its measured rows', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'advisor-roi-'));
    const bench = path.join(dir, 'bench.json');
    writeFileSync(bench, JSON.stringify(benchmarkDocument([measuredRow('cpu', 0.5, 1.01), measuredRow('cpu', 0.75, 0.97)])));
    const out = cliJson<any>('roi', '--scenario', example('visual-inspection.en'), '--bench', bench);
    const sparse = out.result.options.filter((o: any) => o.kind === 'sparse');
    expect(sparse.every((o: any) => o.speedup.kind === 'measured' && o.speedup.benchmarkId === 'bench-test')).toBe(true);
    expect(out.result.benchmarkId).toBe('bench-test');
  });

  it('prints the recommendation in Japanese', () => {
    const run = cli('roi', '--scenario', example('visual-inspection.ja'), '--lang', 'ja');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('製造ラインの外観検査');
    expect(run.stdout).toMatch(/データ量：/);
    expect(run.stdout).toMatch(/ハードウェア：/);
    expect(run.stdout).toMatch(/推奨：/);
  });

  it('gives the same numbers for the same seed and others for another', () => {
    const p50 = (...extra: string[]) => cliJson<any>('roi', '--scenario', example('internal-documents.en'), ...extra).result.monteCarlo.headlineSavings.p50;
    expect(p50('--seed', '5')).toBe(p50('--seed', '5'));
    expect(p50('--seed', '5')).not.toBe(p50('--seed', '6'));
  });

  it('names the bad field of a scenario file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'advisor-roi-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'sparsity-advisor/scenario', version: 1, name: 'x' }));
    const run = cli('roi', '--scenario', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}.currency`);
    const badBench = path.join(dir, 'bench.json');
    writeFileSync(badBench, '{"format": "sparsity-advisor/benchmark"}');
    const benchRun = cli('roi', '--scenario', example('internal-documents.en'), '--bench', badBench);
    expect(benchRun.code).toBe(2);
    expect(benchRun.stderr).toContain(`${badBench}.version`);
    expect(cli('roi', '--scenario', example('internal-documents.en'), '--lang', 'de').stderr).toContain('--lang');
  });
});
