import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lawBootstrapDocument, paperRuns, serialise } from '../../../src-main/cli/make-law-bootstrap.js';
import { lawBootstrapDocumentSchema } from '../../../src-main/core/law/law-bootstrap-file.js';
import { presetBootstrapDocument } from '../../../src-main/core/law/preset-bootstrap.js';
import { SHARED_DATA, t5Runs, vitRuns } from '../../support/paper-runs.js';

describe('make-law-bootstrap', () => {
  it('reads the paper’s runs as the tests do', () => {
    expect(paperRuns('vit', readFileSync(path.join(SHARED_DATA, 'vit-data.json'), 'utf8'))).toEqual(vitRuns());
    expect(paperRuns('t5', readFileSync(path.join(SHARED_DATA, 't5-data.csv'), 'utf8'))).toEqual(t5Runs());
  });

  it('the shipped files name the data they came from by its SHA-256', () => {
    for (const family of ['vit', 't5'] as const) {
      const [data] = presetBootstrapDocument(family).provenance.data;
      const bytes = readFileSync(path.join(SHARED_DATA, data!.file));
      expect(data!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('re-draws the shipped vectors from the recorded seed', () => {
    for (const family of ['vit', 't5'] as const) {
      const shipped = presetBootstrapDocument(family);
      const settings = { dataDir: SHARED_DATA, successes: 12, seed: shipped.provenance.seed, date: '2026-01-01', appVersion: 'test' };
      const redrawn = lawBootstrapDocument(family, settings);
      expect(redrawn.vectors).toEqual(shipped.vectors.slice(0, 12));
    }
  });

  it('writes a document its schema accepts, one vector per line', () => {
    const doc = presetBootstrapDocument('vit');
    const text = serialise(doc);
    expect(lawBootstrapDocumentSchema.parse(JSON.parse(text))).toEqual(doc);
    expect(text.split('\n').filter((line) => line.startsWith('  {"aS"'))).toHaveLength(doc.vectors.length);
  });
});
