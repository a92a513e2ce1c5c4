import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(...targets: string[]): { violations: Violation[]; modules: { source: string }[] } {
  const bin = path.join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, ...targets, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout) as { summary: { violations: Violation[] }; modules: { source: string }[] };
  return { violations: result.summary.violations, modules: result.modules };
}

describe('architecture rules (.dependency-cruiser.cjs)', () => {
  it('the pure core imports no Electron, Node built-in, native module or Svelte; the renderer only the core', () => {
    const result = cruise('src-main', 'src-renderer');
    expect(result.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    const sources = result.modules.map((m) => m.source);
    expect(sources).toContain('src-main/core/law/law.ts');
    expect(sources).toContain('src-renderer/App.svelte');
  });

  it('catches a core module that reaches for node:fs, electron and better-sqlite3', () => {
    const rules = cruise('test/fixtures/impure-core').violations.map((v) => v.rule.name).sort();
    expect(rules).toEqual(['core-no-node-builtins', 'core-no-platform-packages', 'core-no-platform-packages']);
  });
});
