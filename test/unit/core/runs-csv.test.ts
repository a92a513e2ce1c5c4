import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src-main/core/input.js';
import { parseRunsCsv } from '../../../src-main/core/law/runs-csv.js';

describe('pilot runs CSV', () => {
  it('reads the documented header in any column order, with optional labels', () => {
    const runs = parseRunsCsv(
      '\uFEFFloss,sparsity,data,nonzero_params,label\n3.1,0,1e9,2000000,base\n\n2.9,0.5,2e9,1000000,"half, pruned"\n',
    );
    expect(runs).toEqual([
      { sparsity: 0, nonzero: 2e6, data: 1e9, loss: 3.1, label: 'base' },
      { sparsity: 0.5, nonzero: 1e6, data: 2e9, loss: 2.9, label: 'half, pruned' },
    ]);
  });

  it('labels unlabelled runs by their line', () => {
    expect(parseRunsCsv('sparsity,nonzero_params,data,loss\n0,1,2,3\n')[0]!.label).toBe('line 2');
  });

  const header = 'sparsity,nonzero_params,data,loss\n';
  const cases: [string, string][] = [
    [`${header}0,1e6,1e9,3\n0.5,1e6,abc,3\n`, 'line 3, column data'],
    [`${header}1.2,1e6,1e9,3\n`, 'line 2, column sparsity'],
    [`${header}0,-5,1e9,3\n`, 'line 2, column nonzero_params'],
    [`${header}0,1e6,1e9,\n`, 'line 2, column loss'],
    [`${header}0,1e6,1e9\n`, 'line 2'],
    ['sparsity,params,data,loss\n0,1,2,3\n', 'line 1'],
    ['', 'csv'],
    [header, 'csv'],
  ];
  it.each(cases)('refuses %j naming %s', (text, field) => {
    try {
      parseRunsCsv(text);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
  });
});
