import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import { canonicalJson, contentHash } from '../../../src-main/memo/content-hash.js';
import { parseMemoDate, today } from '../../../src-main/memo/generate-memo.js';
import { exampleScenario } from '../../support/scenarios.js';

describe('canonical JSON and the content hash', () => {
  it('does not depend on the order of object keys, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'z' } })).toBe('{"a":{"c":"z","d":[1,{"x":1,"y":2}]},"b":1}');
    const scenario = exampleScenario('visual-inspection');
    const reverse = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reverse) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverse(v)])) : value;
    const reversed = reverse(scenario);
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(scenario));
    const inputs = { benchmarkId: null, language: 'en', appVersion: '1', seed: 1 };
    expect(contentHash({ scenario: reversed, ...inputs })).toBe(contentHash({ scenario, ...inputs }));
  });

  it('leaves out undefined fields, as JSON does, so an optional field left unset hashes like an absent one', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('changes with any hashed input', () => {
    const scenario = exampleScenario('internal-documents');
    const base = { scenario, benchmarkId: null, language: 'en', appVersion: '0.1.0', seed: scenario.uncertainty.seed };
    const hashes = new Set([
      contentHash(base),
      contentHash({ ...base, benchmarkId: 'bench-1' }),
      contentHash({ ...base, language: 'ja' }),
      contentHash({ ...base, appVersion: '0.1.1' }),
      contentHash({ ...base, seed: base.seed + 1 }),
      contentHash({ ...base, scenario: { ...scenario, name: `${scenario.name}.` } }),
    ]);
    expect(hashes.size).toBe(6);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('memo dates', () => {
  it('today is the local calendar date', () => {
    expect(today(new Date(2026, 10, 27, 0, 30))).toBe('2026-11-27');
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('accepts real dates only, naming the field', () => {
    expect(parseMemoDate('--date', '2028-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    for (const bad of ['2026-02-29', '2026-13-01', '27/11/2026', '2026-11-27T10:00:00Z', '']) {
      expect(() => parseMemoDate('--date', bad)).toThrow(InputError);
      expect(() => parseMemoDate('--date', bad)).toThrow(/^--date: /);
    }
  });
});
