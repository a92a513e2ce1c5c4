/**
 * The real services behind the handlers, shared by the Electron shell and the renderer
 * end-to-end tests. Only what needs a person (the save dialog) is passed in.
 */
import path from 'node:path';
import { describeModelFile, runModelBenchmark } from '../bench/own-model/run-model-benchmark.js';
import { runHardwareCheck } from '../bench/run-hardware-check.js';
import { runFitInWorker, runPilotInWorker } from '../fit/fit-service.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadExamples } from '../io/examples.js';
import { backupWithStatus } from '../store/backup-status.js';
import type { AdvisorStore } from '../store/store.js';
import type { Services } from './handlers.js';

export interface ServiceOptions {
  store: AdvisorStore;
  appRoot: string;
  appVersion: string;
  osLanguage: 'en' | 'ja';
  databaseNotice: string | null;
  chooseMemoPath: (defaultName: string) => Promise<string | null>;
  writeMemo: Services['writeMemo'];
  /** The open dialog for "Measure our own model"; without one, picking a model answers "cancelled". */
  chooseModelFile?: () => Promise<string | null>;
  /** Asks where to save a CSV file (a save dialog in the app); null when cancelled. Without it, saving is always cancelled. */
  chooseCsvPath?: (defaultName: string) => Promise<string | null>;
}

export function createServices(options: ServiceOptions): Services {
  return {
    appVersion: options.appVersion,
    osLanguage: options.osLanguage,
    platform: process.platform,
    databaseNotice: options.databaseNotice,
    store: options.store,
    examples: () => loadExamples(path.join(options.appRoot, 'resources')),
    runHardwareCheck: (settings, hooks) => runHardwareCheck(settings, hooks),
    runFit: (job, hooks) => runFitInWorker(job, hooks),
    runPilot: (job) => runPilotInWorker(job),
    saveText: async (defaultName, text) => {
      const file = (await options.chooseCsvPath?.(defaultName)) ?? null;
      if (file !== null) writeFileAtomic(file, text);
      return file;
    },
    backup: () => backupWithStatus(options.store),
    chooseMemoPath: options.chooseMemoPath,
    writeMemo: options.writeMemo,
    chooseModelFile: options.chooseModelFile ?? (async () => null),
    describeModelFile: (file, token) => describeModelFile(file, token),
    runModelBenchmark: (file, settings, hooks) => runModelBenchmark(file, settings, hooks),
  };
}

/** The OS language decides the first run's language: Japanese for ja-*, English otherwise. */
export function languageOfLocale(locale: string): 'en' | 'ja' {
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
