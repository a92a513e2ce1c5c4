import { requirePositive, requireSparsity } from '../core/input.js';
import { extrapolation, loss, multiplier, multiplierCeiling } from '../core/law/law.js';
import { describeLaw, extrapolationText, lawHeader } from './describe.js';
import { num } from './format.js';
import { lawFromOptions, parseOptions, quantity } from './options.js';
import type { CommandResult } from './command.js';

export const LAW_USAGE = 'law --family vit|t5 [--coefficients FILE] --sparsity S --nonzero N --data D [--json]';

export function lawCommand(argv: string[]): CommandResult {
  const values = parseOptions(argv, {
    family: { type: 'string' },
    coefficients: { type: 'string' },
    sparsity: { type: 'string' },
    nonzero: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean' },
  });
  const law = lawFromOptions(values);
  const point = {
    sparsity: requireSparsity('--sparsity', quantity(values, 'sparsity')),
    nonzero: requirePositive('--nonzero', quantity(values, 'nonzero')),
    data: requirePositive('--data', quantity(values, 'data')),
  };
  const predicted = loss(law, point);
  const m = multiplier(law, point.sparsity);
  const ceiling = multiplierCeiling(law);
  const extra = extrapolation(law, point);
  const document = {
    command: 'law',
    law: describeLaw(law),
    input: {
      sparsity: { value: point.sparsity, unit: 'fraction of block weights that are zero' },
      nonzero: { value: point.nonzero, unit: 'non-zero block parameters' },
      data: { value: point.data, unit: law.dataUnit },
    },
    loss: { value: predicted, unit: 'validation loss (the law’s training objective)' },
    multiplier: {
      value: m,
      ceiling,
      denseEquivalentParams: m * point.nonzero,
      meaning: 'the sparse model matches a dense model with this many times more parameters, at equal data',
    },
    extrapolation: extra,
  };
  const text = [
    lawHeader(law),
    '',
    `Input: sparsity ${point.sparsity}, ${num(point.nonzero)} non-zero parameters, ${num(point.data)} ${law.dataUnit}`,
    `Predicted loss: ${num(predicted, 5)}`,
    `Dense-equivalent multiplier m(${point.sparsity}) = ${num(m)} (ceiling ${num(ceiling)} as S → 1):`,
    `  matches a dense model of ${num(m * point.nonzero)} parameters trained on the same data.`,
    extrapolationText(extra, law.dataUnit),
  ].join('\n');
  return { document, text };
}
