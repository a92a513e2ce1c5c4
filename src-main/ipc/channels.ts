/**
 * The names of the IPC channels, and nothing else: the sandboxed preload needs only these to
 * build its named functions, so it stays a small bundle without the schemas.
 */
export const CHANNELS = [
  'appInfo',
  'listExamples',
  'listScenarios',
  'getScenario',
  'saveScenario',
  'renameScenario',
  'duplicateScenario',
  'archiveScenario',
  'importDocument',
  'runHardwareCheck',
  'cancelHardwareCheck',
  'listBenchmarks',
  'getBenchmark',
  'fitLaw',
  'planPilot',
  'exportPilotCsv',
  'cancelFit',
  'exportMemo',
  'chooseModelFile',
  'runModelBenchmark',
  'cancelModelBenchmark',
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Events main sends to the renderer while long work runs. */
export const EVENTS = ['hardwareCheckProgress', 'fitProgress', 'modelBenchmarkProgress'] as const;
export type EventName = (typeof EVENTS)[number];

/** The subscribe function for an event: hardwareCheckProgress → onHardwareCheckProgress. */
export function subscriberName(event: EventName): string {
  return `on${event[0]!.toUpperCase()}${event.slice(1)}`;
}

/** The name of the global the preload exposes. */
export const API_GLOBAL = 'advisor';
