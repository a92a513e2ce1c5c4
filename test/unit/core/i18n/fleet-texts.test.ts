import { describe, expect, it } from 'vitest';
import { fleetEn } from '../../../../src-main/core/i18n/fleet-en.js';
import { fleetJa } from '../../../../src-main/core/i18n/fleet-ja.js';
import { translator } from '../../../../src-main/core/i18n/index.js';

/** Every text as [key path, text]. */
function leaves(texts: object, prefix = ''): [string, string][] {
  return Object.entries(texts).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('fleet texts', () => {
  const en = new Map(leaves(fleetEn));
  const ja = new Map(leaves(fleetJa));

  it('Japanese has every English key, with the same placeholders', () => {
    expect([...ja.keys()]).toEqual([...en.keys()]);
    for (const [key, text] of en) {
      expect(ja.get(key), key).not.toBe('');
      expect(placeholders(ja.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('Japanese follows the house style: no space before a unit or counter, no ヶ月', () => {
    for (const [key, text] of ja) {
      expect(text, key).not.toMatch(/(\d|\}\})\s+(か月|台|%|回)/);
      expect(text, key).not.toMatch(/[ヶカ]月/);
    }
  });

  it('is registered under fleet in both languages', () => {
    expect(translator('en').t('fleet.throughput.estimate')).toBe('estimate — MatMuls only, synthetic shapes');
    expect(translator('ja').t('fleet.chart.devicesBought.total', { devices: 12 })).toBe('計12台');
    expect(translator('en').t('fleet.reason.new-line')).toBe('new line');
  });
});
