import { writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureStderr } from '../../../src-main/bench/stderr-capture.js';

describe.skipIf(process.platform !== 'linux')('captureStderr', () => {
  it('collects what is written to file descriptor 2 during the call, and restores it afterwards', () => {
    const { value, text } = captureStderr(() => {
      writeSync(2, '(Sparsity) Layers eligible for sparse math: a, b\n');
      return 42;
    });
    expect(value).toBe(42);
    expect(text).toBe('(Sparsity) Layers eligible for sparse math: a, b\n');
    // Afterwards fd 2 is the real stderr again: a second capture starts empty.
    expect(captureStderr(() => null).text).toBe('');
  });

  it('restores stderr when the call throws', () => {
    expect(() => captureStderr(() => {
      throw new Error('engine build failed');
    })).toThrow('engine build failed');
    expect(captureStderr(() => writeSync(2, 'x')).text).toBe('x');
  });
});
