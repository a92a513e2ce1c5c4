import { readFileSync } from 'node:fs';
import { PRESETS } from '../src-main/core/law/presets.js';
import { lossUnchecked, extrapolation } from '../src-main/core/law/law.js';
const doc = JSON.parse(readFileSync('/tmp/t5vec.json', 'utf8'));
const law = PRESETS.t5;
const S = 0.75, N = 603_979_776, D = 500_000 * 65_536, measured = 1.48278;
const point = lossUnchecked(law.coefficients, S, N, D);
const X = extrapolation(law, { sparsity: S, nonzero: N, data: D }).factor;
const v = doc.vectors.map((k: any) => lossUnchecked(Array.isArray(k) ? { aS: k[0], bS: k[1], cS: k[2], bN: k[3], aD: k[4], bD: k[5], c: k[6] } : k, S, N, D));
const sorted = [...v].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const q = (arr: number[], p: number) => arr[Math.min(arr.length - 1, Math.floor(p * arr.length))];
for (const w of [1, 1 + Math.log(X)]) {
  const widened = v.map((l: number) => point * Math.exp(Math.log(l / median) * w)).sort((a: number, b: number) => a - b);
  const below = widened.filter((l: number) => l < measured).length / widened.length;
  console.log(`w=${w.toFixed(2)} X=${X.toFixed(2)} point ${point.toFixed(4)} 90% [${q(widened, 0.05).toFixed(4)}, ${q(widened, 0.95).toFixed(4)}] measured ${measured} percentile ${(below * 100).toFixed(1)}%`);
}
console.log('first vector', JSON.stringify(doc.vectors[0]));
