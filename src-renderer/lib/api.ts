/**
 * The renderer's typed access to the main process: the preload's frozen `window.advisor`,
 * unwrapped so a refused or failed call becomes an Error with the main process's message.
 */
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

export async function call<C extends Channel>(channel: C, args: Args<C>): Promise<Result<C>> {
  // Each channel's function has its own argument type; TypeScript cannot correlate them through C.
  const send = bridge()[channel] as unknown as (a: Args<C>) => Promise<Answer<Result<C>>>;
  const answer = await send(args);
  if (!answer.ok) throw new Error(answer.error);
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
