/** The worked example scenarios shipped in resources/scenarios, in every language they exist in. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readScenario } from '../core/roi/scenario-migrate.js';
import type { Example } from '../ipc/handlers.js';

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
      return { id: match.groups!.id!, language: match.groups!.language as 'en' | 'ja', name: scenario.name, scenario };
    });
}
