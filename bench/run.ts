/** `npm run bench`: prints each benchmark's figures. Targets are stated beside the numbers. */
import os from 'node:os';
import { benchFit } from './fit.js';
import { benchFleet } from './fleet.js';
import { benchMemo } from './memo.js';
import { benchOnnx } from './onnx.js';
import { benchOwnModel } from './own-model.js';
import { benchPilot } from './pilot.js';
import { benchRoi } from './roi.js';

console.log(`Sparsity Advisor benchmarks — ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`);
console.log('');
benchFit();
console.log('');
benchPilot();
console.log('');
benchRoi();
console.log('');
benchFleet();
console.log('');
benchMemo();
console.log('');
benchOwnModel();
console.log('');
await benchOnnx();
