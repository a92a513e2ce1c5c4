/**
 * Writes the decision memo the renderer asked for and records it in the store. A memo always
 * cites a stored scenario revision: an unsaved or edited scenario is saved first, so the
 * appendix's revision and the memos table point at exactly what produced the PDF.
 */
import type { MemoRequest } from '../ipc/handlers.js';
import { recordMemoFile } from '../store/memo-repository.js';
import type { AdvisorStore } from '../store/store.js';
import type { Scenario } from '../core/roi/scenario.js';

function savedRevisionOf(
  store: AdvisorStore,
  scenario: Scenario,
  ref: MemoRequest['scenarioRef'],
  canonicalJson: (value: unknown) => string,
): { id: string; revision: number } {
  if (ref) {
    const stored = store.scenarios.get(ref.id, ref.revision);
    if (canonicalJson(stored.document) === canonicalJson(scenario)) return ref;
    const saved = store.scenarios.saveRevision(ref.id, scenario, { note: 'saved for a memo' });
    return { id: saved.id, revision: saved.revision };
  }
  const created = store.scenarios.create(scenario, { note: 'saved for a memo' });
  return { id: created.id, revision: created.revision };
}

export async function writeMemoFile(
  store: AdvisorStore,
  request: MemoRequest,
  appVersion: string,
): Promise<{ path: string; contentHash: string; pages: number; scenarioRef: { id: string; revision: number } }> {
  // pdfkit and ECharts load on the first export, not at app start.
  const { canonicalJson, today, writeMemo } = await import('../memo/index.js');
  const scenarioRef = savedRevisionOf(store, request.scenario, request.scenarioRef, canonicalJson);
  // The save dialog has already asked whether to replace an existing file.
  const written = writeMemo(
    request.path,
    { scenario: request.scenario, benchmark: request.benchmark, language: request.language, date: today(), appVersion, revision: scenarioRef.revision },
    { overwrite: true },
  );
  recordMemoFile(store.memos, {
    filePath: written.path,
    language: request.language,
    scenarioId: scenarioRef.id,
    scenarioRevision: scenarioRef.revision,
    appVersion,
  });
  return { path: written.path, contentHash: written.contentHash, pages: written.pages, scenarioRef };
}
