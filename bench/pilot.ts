/**
 * Pilot-plan benchmark: how long planning takes for a 200 GPU-hour budget (A100-class GPU,
 * 312 TFLOP/s BF16 at 40 % utilisation), including the twice-the-budget plan. Target ≤ 10 s.
 */
import { planPilot } from '../src-main/core/law/pilot-plan.js';
import { PRESETS } from '../src-main/core/law/presets.js';

const TARGET_SECONDS = 10;

export function benchPilot(): void {
  console.log(`Pilot plan: 200 GPU-hours, 312 TFLOP/s at 40 % (target ≤ ${TARGET_SECONDS} s; wall and CPU time of one plan after a warm-up)`);
  console.log('family  wall [s]  CPU [s]  runs  m(0.75) 95 % interval        within target');
  for (const family of ['vit', 't5'] as const) {
    const input = { law: PRESETS[family], family, budgetGpuHours: 200, gpuFlops: 312e12, utilisation: 0.4 };
    planPilot({ ...input, realisations: 8 });
    const cpu = process.cpuUsage();
    const start = performance.now();
    const plan = planPilot(input);
    const wall = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const m = plan.prediction.multiplier.find((x) => x.sparsity === 0.75)!;
    console.log(
      [
        family.padEnd(6),
        wall.toFixed(2).padStart(8),
        ((used.user + used.system) / 1e6).toFixed(2).padStart(7),
        String(plan.runs.length).padStart(4),
        `${m.value.toFixed(3)} [${m.low.toFixed(3)}, ${m.high.toFixed(3)}] ±${(m.halfWidth * 100).toFixed(1)} %`.padEnd(29),
        wall <= TARGET_SECONDS ? 'yes' : 'NO',
      ].join('  '),
    );
  }
}
