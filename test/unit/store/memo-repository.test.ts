import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import { recordMemoFile } from '../../../src-main/store/memo-repository.js';
import { openStore } from '../../../src-main/store/open-store.js';
import type { AdvisorStore } from '../../../src-main/store/store.js';
import { tempDir } from '../../support/store-fixtures.js';
import { sampleScenario } from '../../support/store-samples.js';

let dir: string;
let store: AdvisorStore;
beforeEach(() => {
  dir = tempDir();
  store = openStore(path.join(dir, 'advisor.db')).store;
});
afterEach(() => store.close());

describe('memos', () => {
  it('records the file, its sha256, language, scenario revision and app version', () => {
    const scenario = store.scenarios.create(sampleScenario());
    const pdf = path.join(dir, 'memo.pdf');
    writeFileSync(pdf, '%PDF-1.7 pretend memo');
    const memo = recordMemoFile(store.memos, { filePath: pdf, language: 'en', scenarioId: scenario.id, scenarioRevision: 1, appVersion: '0.1.0' });
    expect(memo.sha256).toBe(createHash('sha256').update('%PDF-1.7 pretend memo').digest('hex'));
    expect(store.memos.get(memo.id)).toEqual(memo);
    expect(store.memos.list({ scenarioId: scenario.id })).toEqual([memo]);
    expect(store.memos.list({ scenarioId: 'other' })).toEqual([]);
  });

  it('names the bad field', () => {
    const scenario = store.scenarios.create(sampleScenario());
    const good = { filePath: '/m.pdf', sha256: 'a'.repeat(64), language: 'ja', scenarioId: scenario.id, scenarioRevision: 1, appVersion: '0.1.0' };
    const cases: [object, string][] = [
      [{ ...good, language: 'de' }, 'memo.language'],
      [{ ...good, sha256: 'A'.repeat(64) }, 'memo.sha256'],
      [{ ...good, scenarioRevision: 0 }, 'memo.scenarioRevision'],
      [{ ...good, scenarioRevision: 2 }, 'memo.scenarioRevision'],
      [{ ...good, appVersion: '' }, 'memo.appVersion'],
    ];
    for (const [input, field] of cases) {
      expect(() => store.memos.record(input)).toThrow(InputError);
      try {
        store.memos.record(input);
      } catch (error) {
        expect((error as InputError).field).toBe(field);
      }
    }
    expect(store.memos.list()).toEqual([]);
  });
});
