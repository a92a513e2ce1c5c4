/**
 * The worked example scenarios shipped in resources/scenarios, in every language they exist in, each
 * with the hardware-check result it cites (resources/benchmarks, by deployment.speedup.benchmarkId).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchmarkResult } from '../core/hardware/benchmark-result.js';
import { parseBenchmarkResult } from '../core/hardware/benchmark-versions.js';
import { readScenario } from '../core/roi/scenario-migrate.js';
import type { Scenario } from '../core/roi/scenario.js';
import type { Example } from '../ipc/handlers.js';

/** The repository's resources folder, for code that runs from source (the CLI). */
export const SOURCE_RESOURCES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../resources');

/** The shipped hardware-check result a scenario cites, or null when it cites none that ships. */
export function shippedBenchmark(resourcesFolder: string, scenario: Scenario): BenchmarkResult | null {
  const id = scenario.deployment.speedup.benchmarkId;
  const folder = path.join(resourcesFolder, 'benchmarks');
  if (id === null || !existsSync(folder)) return null;
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(folder, name);
    const result = parseBenchmarkResult(JSON.parse(readFileSync(file, 'utf8')), file);
    if (result.id === id) return result;
  }
  return null;
}

const FILE = /^(?<id>[a-z0-9-]+)\.(?<language>en|ja)\.json$/;

export function loadExamples(resourcesFolder: string): Example[] {
  const folder = path.join(resourcesFolder, 'scenarios');
  return readdirSync(folder)
    .map((name) => ({ name, match: FILE.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, match }) => {
      const file = path.join(folder, name);
      const scenario = readScenario(JSON.parse(readFileSync(file, 'utf8')), file);
      return { id: match.groups!.id!, language: match.groups!.language as 'en' | 'ja', name: scenario.name, scenario, benchmark: shippedBenchmark(resourcesFolder, scenario) };
    });
}
