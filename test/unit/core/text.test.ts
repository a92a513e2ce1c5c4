import { describe, expect, it } from 'vitest';
import { cleanName, jsonSafe, terminalSafe } from '../../../src-main/core/text.js';

describe('names and terminal output', () => {
  it('cleans names of control, bidirectional and lone-surrogate characters', () => {
    expect(cleanName('Line\u001b[31m 3\u0000\n\u202eevil\ud800')).toBe('Line [31m 3 evil');
    expect(cleanName('  spaced\t\tout  ')).toBe('spaced out');
    expect(cleanName('\u2066isolated\u2069')).toBe('isolated');
    // Real text, Japanese included, and paired surrogates (emoji) stay.
    expect(cleanName('検査ライン 3 😀')).toBe('検査ライン 3 😀');
  });

  it('prints what is stored safely: newlines and tabs stay, the rest is shown as \\u escapes', () => {
    expect(terminalSafe('a\u001b]0;x\u0007b\n\tc\u202e\u0085\udc00')).toBe('a\\u001b]0;x\\u0007b\n\tc\\u202e\\u0085\\udc00');
    expect(terminalSafe('plain 日本語 😀')).toBe('plain 日本語 😀');
  });

  it('keeps JSON valid while escaping what JSON.stringify leaves raw', () => {
    const json = jsonSafe(JSON.stringify({ name: 'x\u202ey\u0085z\u0001' }));
    expect(json).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual({ name: 'x\u202ey\u0085z\u0001' });
  });
});
