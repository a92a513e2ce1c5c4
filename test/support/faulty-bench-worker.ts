/**
 * A benchmark child whose GPU goes away mid-run, for the test of what the hardware check does
 * then. It wraps onnxruntime-node so that, once a session on BENCH_FAULT_PROVIDER has run
 * BENCH_FAULT_AFTER_RUNS times, every further run on that provider rejects the way a lost
 * device does; then it starts the real child entry. Nothing else changes.
 */
import * as ort from 'onnxruntime-node';

const provider = process.env.BENCH_FAULT_PROVIDER;
const after = Number(process.env.BENCH_FAULT_AFTER_RUNS ?? 'NaN');
let runs = 0;

type Create = typeof ort.InferenceSession.create;
const create = ort.InferenceSession.create.bind(ort.InferenceSession) as (...args: unknown[]) => Promise<ort.InferenceSession>;
(ort.InferenceSession as { create: Create }).create = (async (...args: unknown[]) => {
  const session = await create(...args);
  const options = args.find((a): a is ort.InferenceSession.SessionOptions => typeof a === 'object' && a !== null && 'executionProviders' in a);
  if (provider && options?.executionProviders?.includes(provider as never)) {
    const run = session.run.bind(session);
    session.run = ((...runArgs: Parameters<typeof run>) => {
      if (++runs > after) return Promise.reject(new Error(`simulated fault: the ${provider} device was lost`));
      return run(...runArgs);
    }) as typeof session.run;
  }
  return session;
}) as Create;

await import('../../src-main/bench/worker-entry.js');
