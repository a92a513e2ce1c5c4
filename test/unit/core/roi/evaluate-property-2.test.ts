import { describe, it } from 'vitest';
import { runProperty, SCENARIOS } from './evaluate-property.test.js';

describe('every output is finite', () => {
  it(`for ${SCENARIOS / 2} random valid scenarios (second half)`, () => runProperty(20261130, SCENARIOS / 2), 600_000);
});
