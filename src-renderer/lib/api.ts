/**
 * The renderer's typed access to the main process: the preload's frozen `window.advisor`,
 * unwrapped so a refused or failed call becomes a CallError with the main process's message,
 * the kind of failure and the field it is about.
 */
import type { ErrorKind } from '../../src-main/core/errors.js';
import { API_GLOBAL, type Channel } from '../../src-main/ipc/channels.js';
import type { AdvisorApi, Answer, Args, Result } from '../../src-main/ipc/contract.js';

function bridge(): AdvisorApi {
  const api = (globalThis as unknown as Record<string, AdvisorApi | undefined>)[API_GLOBAL];
  if (!api) throw new Error('The app’s bridge to the main process is missing (preload not loaded).');
  return api;
}

export function hasBridge(): boolean {
  return (globalThis as unknown as Record<string, unknown>)[API_GLOBAL] !== undefined;
}

/** A refused or failed call: the message, and (when the main process says) its kind and field. */
export class CallError extends Error {
  readonly kind: ErrorKind | undefined;
  readonly field: string | undefined;
  constructor(message: string, kind?: ErrorKind, field?: string) {
    super(message);
    this.name = 'CallError';
    this.kind = kind;
    this.field = field;
  }
}

export async function call<C extends Channel>(channel: C, args: Args<C>): Promise<Result<C>> {
  // Each channel's function has its own argument type; TypeScript cannot correlate them through C.
  const send = bridge()[channel] as unknown as (a: Args<C>) => Promise<Answer<Result<C>>>;
  const answer = await send(args);
  if (!answer.ok) throw new CallError(answer.error, answer.kind, answer.field);
  return answer.value;
}

export function onHardwareCheckProgress(listener: (p: { fraction: number; current: string }) => void): () => void {
  return bridge().onHardwareCheckProgress(listener);
}

export function onFitProgress(listener: (p: { fraction: number; current: string }) => void): () => void {
  return bridge().onFitProgress(listener);
}

export function onModelBenchmarkProgress(listener: (p: { fraction: number; current: string }) => void): () => void {
  return bridge().onModelBenchmarkProgress(listener);
}
