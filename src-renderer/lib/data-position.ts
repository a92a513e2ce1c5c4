/**
 * Where the data stands, for the data page, before the rest of the scenario is answered: the
 * optimal sparsity and the data threshold depend only on the law, the model's size and its data,
 * so the page can show them while (say) the hardware question is still open. Computed exactly as
 * evaluate.ts computes RoiResult.dataPosition; null while those answers cannot be read.
 */
import { effectiveData } from '../../src-main/core/law/effective-data.js';
import { optimalSparsity, type OptimalSparsity } from '../../src-main/core/law/optimal.js';
import { lawForScenario, type DataPosition } from '../../src-main/core/roi/evaluate.js';
import { dataUnitOf, type Scenario } from '../../src-main/core/roi/scenario.js';

export interface DataView {
  optimal: OptimalSparsity;
  position: DataPosition;
}

export function dataView(s: Scenario): DataView | null {
  try {
    const law = lawForScenario(s);
    const n0 = s.baseline.params.value;
    const d0 = effectiveData(s.baseline.uniqueData.value, s.baseline.passes.value);
    const optimal = optimalSparsity(law, n0, 6 * n0 * d0);
    const threshold = optimal.threshold.data;
    const position: DataPosition = {
      dataUnit: dataUnitOf(s),
      uniqueData: s.baseline.uniqueData.value,
      passes: s.baseline.passes.value,
      effectiveData: d0,
      availableData: s.data.available.value,
      thresholdData: threshold,
      trainingRatio: d0 / threshold,
      availableRatio: s.data.available.value / threshold,
      denseOptimalData: optimal.denseOptimal.data,
    };
    return [position.trainingRatio, position.availableRatio, optimal.sparsity].every(Number.isFinite) ? { optimal, position } : null;
  } catch {
    return null;
  }
}
