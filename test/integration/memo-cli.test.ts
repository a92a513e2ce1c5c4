import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { benchmarkDocument, measuredRow } from '../support/scenarios.js';

const example = (name: string) => `resources/scenarios/${name}.json`;

describe('sparsity-advisor memo', () => {
  it('writes the memo end to end, refuses to overwrite it without --force, and replaces it with --force', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'advisor-memo-cli-'));
    const out = path.join(dir, 'memo.pdf');
    const bench = path.join(dir, 'bench.json');
    writeFileSync(bench, JSON.stringify(benchmarkDocument([measuredRow('cpu', 0.5, 1.2), measuredRow('cpu', 0.75, 1.6)])));

    const first = cli('memo', '--scenario', example('visual-inspection.ja'), '--bench', bench, '--lang', 'ja', '--out', out, '--date', '2026-11-27', '--json');
    expect(first.code, first.stderr).toBe(0);
    const document = JSON.parse(first.stdout) as { path: string; pages: number; contentHash: string; language: string; date: string; benchmark: string };
    expect(document.path).toBe(out);
    expect(document.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(document.language).toBe('ja');
    expect(document.benchmark).toBe(bench);
    const written = readFileSync(out);
    expect(written.subarray(0, 5).toString()).toBe('%PDF-');
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(new RegExp(`^Pages:\\s+${document.pages}$`, 'm'));
    expect(info).toMatch(/^CreationDate:\s+.*2026/m);

    const refused = cli('memo', '--scenario', example('visual-inspection.en'), '--out', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(out);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out).equals(written)).toBe(true);

    const forced = cli('memo', '--scenario', example('visual-inspection.en'), '--out', out, '--force', '--date', '2026-11-27');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(out);
    expect(readFileSync(out).equals(written)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['bench.json', 'memo.pdf']);
  });

  it('pins the date: the same command twice gives the same bytes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'advisor-memo-cli-'));
    const args = ['memo', '--scenario', example('internal-documents.en'), '--date', '2026-11-27', '--seed', '7'];
    expect(cli(...args, '--out', path.join(dir, 'a.pdf')).code).toBe(0);
    expect(cli(...args, '--out', path.join(dir, 'b.pdf')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'a.pdf')).equals(readFileSync(path.join(dir, 'b.pdf')))).toBe(true);
  });

  it('names the bad option', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'advisor-memo-cli-'));
    const out = path.join(dir, 'memo.pdf');
    const noOut = cli('memo', '--scenario', example('internal-documents.en'));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--out');
    const badDate = cli('memo', '--scenario', example('internal-documents.en'), '--out', out, '--date', '27/11/2026');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--date');
    const badLang = cli('memo', '--scenario', example('internal-documents.en'), '--out', out, '--lang', 'de');
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toContain('--lang');
    const noFolder = cli('memo', '--scenario', example('internal-documents.en'), '--out', path.join(dir, 'missing', 'memo.pdf'));
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain(path.join(dir, 'missing'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is listed in the usage', () => {
    expect(cli('--help').stdout).toContain('sparsity-advisor memo --scenario FILE');
  });
});
