import { requirePositive } from '../core/input.js';
import { optimalSparsity } from '../core/law/optimal.js';
import { describeLaw, extrapolationText, lawHeader } from './describe.js';
import { num, percent } from './format.js';
import { lawFromOptions, parseOptions, quantity } from './options.js';
import type { CommandResult } from './command.js';

export const OPTIMAL_USAGE = 'optimal --family vit|t5 [--coefficients FILE] --nonzero N --compute C [--json]';

export function optimalCommand(argv: string[]): CommandResult {
  const values = parseOptions(argv, {
    family: { type: 'string' },
    coefficients: { type: 'string' },
    nonzero: { type: 'string' },
    compute: { type: 'string' },
    json: { type: 'boolean' },
  });
  const law = lawFromOptions(values);
  const nonzero = requirePositive('--nonzero', quantity(values, 'nonzero'));
  const compute = requirePositive('--compute', quantity(values, 'compute'));
  const result = optimalSparsity(law, nonzero, compute);
  const unit = law.dataUnit;
  const pays = result.sparsity > 0;
  const document = {
    command: 'optimal',
    law: describeLaw(law),
    convention: 'training charged at the dense size: C = 6·N/(1−S)·D',
    units: { nonzero: 'non-zero block parameters', compute: result.computeUnit.unit, data: unit },
    ...result,
  };
  const text = [
    lawHeader(law),
    '',
    `Budget: ${num(nonzero)} non-zero parameters, compute ${num(compute)} [${result.computeUnit.unit}]`,
    `  (a dense model of that size would train on ${num(result.denseData)} ${unit})`,
    pays
      ? `Optimal sparsity: ${percent(result.sparsity)} — train a ${num(result.denseSize)}-parameter model on ${num(result.data)} ${unit} and prune it to ${num(nonzero)} non-zeros.`
      : `Optimal sparsity: 0 — sparsity does not pay at this budget; a dense model is best.`,
    `Predicted loss: ${num(result.loss, 5)} (dense with the same non-zeros and compute: ${num(result.denseLoss, 5)})`,
    `Threshold: sparsity starts to pay above ${num(result.threshold.data)} ${unit} of dense-equivalent data` +
      ` (compute ${num(result.threshold.compute)}); this budget is ${num(result.threshold.dataRatio, 3)}× that.`,
    `Dense compute-optimal data for this size: ${num(result.denseOptimal.data)} ${unit};` +
      ` the threshold is ${num(result.denseOptimal.thresholdRatio, 4)}× it.`,
    'Training is charged at the dense size (no sparse-training speed-up).',
    extrapolationText(result.extrapolation, unit),
  ].join('\n');
  return { document, text };
}
