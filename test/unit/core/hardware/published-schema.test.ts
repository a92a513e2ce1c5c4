import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePublishedFile, type PublishedFile } from '../../../../src-main/core/hardware/published-schema.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(here, '../../../../resources/published-speedups.json');
const NOTES = path.resolve(here, '../../../../../shared/notes/published-speedups.md');

const shipped = (): PublishedFile => JSON.parse(readFileSync(FILE, 'utf8')) as PublishedFile;

/** A deep copy of the shipped file with one change, for the refusals. */
function edited(change: (file: PublishedFile & Record<string, unknown>) => void): unknown {
  const copy = shipped() as PublishedFile & Record<string, unknown>;
  change(copy);
  return copy;
}

/** Row numbers whose status in the curated notes table starts with UNCONFIRMED. */
function unconfirmedInNotes(): string[] {
  return readFileSync(NOTES, 'utf8')
    .split('\n')
    .filter((line) => /^\| [A-E]\d+ \|/.test(line))
    .filter((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return /^\*\*UNCONFIRMED\*\*/.test(cells[cells.length - 2] ?? '');
    })
    .map((line) => line.split('|')[1]!.trim());
}

describe('resources/published-speedups.json', () => {
  it('parses with the strict schema', () => {
    expect(() => parsePublishedFile(shipped())).not.toThrow();
  });

  it('ships at least 25 confirmed figures, each with a locator and a source address', () => {
    const rows = parsePublishedFile(shipped()).rows;
    const confirmed = rows.filter((r) => r.status === 'confirmed' && r.source.locator.trim().length > 0);
    expect(confirmed.length).toBeGreaterThanOrEqual(25);
    for (const row of rows) expect(row.source.url ?? row.source.repository?.commit, row.id).toBeTruthy();
  });

  it('says for every figure how it was re-checked', () => {
    for (const row of parsePublishedFile(shipped()).rows) {
      expect(row.checked.how, row.id).toMatch(/^(re-read in source|not re-checked: .+)$/);
    }
  });

  it.skipIf(!existsSync(NOTES))('ships no row the curated table marks UNCONFIRMED', () => {
    const unconfirmed = unconfirmedInNotes();
    expect(unconfirmed).toEqual(expect.arrayContaining(['A17', 'A18', 'B7']));
    const file = parsePublishedFile(shipped());
    const shippedTables = [...file.rows, ...file.breakEvens, ...file.pruningCosts].map((r) => r.table);
    for (const table of unconfirmed) expect(shippedTables, table).not.toContain(table);
  });

  it('has no status for an unconfirmed figure', () => {
    expect(() => parsePublishedFile(edited((f) => { (f.rows[0] as Record<string, unknown>).status = 'unconfirmed'; }))).toThrow(/rows\.0\.status/);
  });

  it('refuses unknown keys instead of dropping them', () => {
    expect(() => parsePublishedFile(edited((f) => { (f.rows[3] as Record<string, unknown>).gpuCount = 2; }))).toThrow(/rows\.3/);
    expect(() => parsePublishedFile(edited((f) => { f.extra = true; }))).toThrow(/published-speedups/);
  });

  it('refuses a source without a url or repository, and a check that says neither form', () => {
    expect(() =>
      parsePublishedFile(edited((f) => { const s = f.rows[0]!.source as Record<string, unknown>; delete s.url; delete s.repository; })),
    ).toThrow(/rows\.0\.source\.url: must give a url or a repository/);
    expect(() => parsePublishedFile(edited((f) => { f.rows[0]!.checked.how = 'looked fine'; }))).toThrow(/rows\.0\.checked\.how/);
  });

  it('refuses 2:4 at any sparsity but 0.5, duplicate ids, advice citing a missing row, and an unsourced end of life', () => {
    expect(() => parsePublishedFile(edited((f) => { f.rows.find((r) => r.pattern === '2:4')!.sparsity = 0.6; }))).toThrow(/must be 0\.5 for 2:4/);
    expect(() => parsePublishedFile(edited((f) => { f.rows[1]!.id = f.rows[0]!.id; }))).toThrow(/duplicates id/);
    expect(() => parsePublishedFile(edited((f) => { f.advice[0]!.rows.push('Z99'); }))).toThrow(/cites Z99/);
    expect(() => parsePublishedFile(edited((f) => { f.runtimeStatusSources = []; }))).toThrow(/end-of-life needs a sourced entry for deepsparse/);
  });

  it('gives every advice and pruning-cost text in English and Japanese', () => {
    const file = parsePublishedFile(shipped());
    for (const a of file.advice) expect(a.ja, a.key).toMatch(/[ぁ-んァ-ン一-龯]/);
    for (const c of file.pruningCosts) expect(c.summary.ja, c.id).toMatch(/[ぁ-んァ-ン一-龯]/);
  });
});
