import { describe, expect, it } from 'vitest';
import { ADAPTER_NOT_RECORDED, migrateBenchmarkV1, parseBenchmarkResult } from '../../../../src-main/core/hardware/benchmark-versions.js';
import { deploymentEvidence } from '../../../../src-main/core/hardware/deployment-evidence.js';
import { syntheticDocument, syntheticV1Document as v1Document } from './synthetic-run.js';

describe('reading format versions', () => {
  it('migrates a v1 document: development machine, every GPU provider\'s adapter unknown and not recorded', () => {
    const migrated = parseBenchmarkResult(v1Document(), 'old.json');
    expect(migrated.version).toBe(2);
    expect(migrated.role).toBe('development');
    expect(migrated.inventory.adapters).toEqual([
      { provider: 'webgpu', vendor: null, name: null, driver: null, type: 'unknown', source: 'not-recorded', note: ADAPTER_NOT_RECORDED },
    ]);
    expect(migrated.table).toEqual(syntheticDocument().table);
    expect(deploymentEvidence(migrated, 'cpu')).toEqual({ counts: false, reason: 'development-machine' });
  });

  it('keeps v1 documents that still hold keys v1 ignored readable (v1 was not strict)', () => {
    const old = { ...v1Document(), notes: 'written by hand' };
    expect(parseBenchmarkResult(old, 'old.json').id).toBe(syntheticDocument().id);
  });

  it('reads a v2 document as it is', () => {
    const doc = syntheticDocument();
    expect(parseBenchmarkResult(JSON.parse(JSON.stringify(doc)), 'new.json')).toEqual(doc);
  });

  it('names the field of a bad v1 document under the file', () => {
    const old = v1Document();
    (old.settings as Record<string, unknown>).threads = 0;
    expect(() => parseBenchmarkResult(old, 'old.json')).toThrow('old.json.settings.threads');
  });

  it('refuses a version it does not know, saying a newer app may have written it', () => {
    expect(() => parseBenchmarkResult({ ...syntheticDocument(), version: 7 }, 'f.json')).toThrow(/f\.json\.version: must be 1 or 2 \(got 7\); a newer version/);
  });

  it('refuses another format naming the format field, whatever its version', () => {
    expect(() => parseBenchmarkResult({ ...syntheticDocument(), format: 'sparsity-advisor/scenario', version: 7 }, 'f.json')).toThrow('f.json.format');
  });

  it('migrates without touching its input', () => {
    const old = v1Document();
    const copy = JSON.parse(JSON.stringify(old));
    migrateBenchmarkV1(old as never);
    expect(old).toEqual(copy);
  });
});
