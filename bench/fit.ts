/**
 * Fitter benchmark: our BFGS multistart against the authors' SciPy procedure (25 starts,
 * finite-difference BFGS) on the paper's runs, same machine, same run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fitLaw, type Run } from '../src-main/core/law/fit.js';
import { PRESETS } from '../src-main/core/law/presets.js';
import { SHARED_DATA, t5Runs, vitRuns } from '../test/support/paper-runs.js';

interface Reference {
  dataset: string;
  seconds: number;
  objective: number;
}

function scipyReference(): Map<string, Reference> | string {
  const script = path.join(import.meta.dirname, 'reference/scipy_fit.py');
  const run = spawnSync('python3', [script, SHARED_DATA], { encoding: 'utf8' });
  if (run.status !== 0) return `SciPy reference unavailable (${(run.stderr || String(run.error)).trim().split('\n').pop()})`;
  const rows = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Reference);
  return new Map(rows.map((r) => [r.dataset, r]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function benchFit(): void {
  const datasets: [string, Run[], Parameters<typeof fitLaw>[1]][] = [
    ['vit', vitRuns(), { huberDelta: 0.01, logResiduals: false, starts: 25, seed: 0, dataUnit: 'images' }],
    ['t5', t5Runs(), { huberDelta: 0.001, logResiduals: true, starts: 25, seed: 1, dataUnit: 'tokens' }],
  ];
  const reference = scipyReference();
  console.log('Fit: 25 starts per dataset, mean Huber objective (median time of 5 runs after a warm-up)');
  console.log('dataset  ours [s]  ours objective   SciPy BFGS [s]  SciPy objective  published objective  speed-up');
  for (const [name, runs, settings] of datasets) {
    fitLaw(runs, settings);
    const times: number[] = [];
    let objective = NaN;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      objective = fitLaw(runs, settings).objective;
      times.push((performance.now() - start) / 1000);
    }
    const ours = median(times);
    const published = PRESETS[name as 'vit' | 't5'].notebook.objective;
    const ref = typeof reference === 'string' ? undefined : reference.get(name);
    console.log(
      [
        name.padEnd(7),
        ours.toFixed(3).padStart(8),
        objective.toExponential(9).padStart(16),
        (ref ? ref.seconds.toFixed(3) : 'n/a').padStart(15),
        (ref ? ref.objective.toExponential(9) : 'n/a').padStart(16),
        published.toExponential(9).padStart(20),
        (ref ? `${(ref.seconds / ours).toFixed(1)}×` : 'n/a').padStart(9),
      ].join('  '),
    );
  }
  if (typeof reference === 'string') console.log(reference);
}
