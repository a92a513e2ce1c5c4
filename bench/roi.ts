/** ROI benchmark: one full evaluation (options, sensitivity, 10,000 Monte Carlo draws). Target ≤ 100 ms. */
import { evaluateScenario } from '../src-main/core/roi/evaluate.js';
import { exampleScenario, EXAMPLES } from '../test/support/scenarios.js';

export function benchRoi(): void {
  console.log('ROI: full evaluation with 10,000 Monte Carlo draws (median of 20 after 5 warm-ups; target ≤ 100 ms)');
  for (const name of EXAMPLES) {
    const scenario = exampleScenario(name);
    scenario.uncertainty.draws = 10_000;
    for (let i = 0; i < 5; i++) evaluateScenario(scenario);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      evaluateScenario(scenario);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(20)} median ${times[10]!.toFixed(1)} ms   max ${times.at(-1)!.toFixed(1)} ms`);
  }
}
