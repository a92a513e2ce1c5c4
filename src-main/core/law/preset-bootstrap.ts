/**
 * The presets' own bootstrap vectors: at least 200 coefficient vectors per family from a seeded
 * bootstrap of the paper's runs (resources/law-bootstrap/, made by `npm run make:law-bootstrap`),
 * for drawing the law's uncertainty in the decision engine. Pure: the documents are bundled as
 * JSON imports and validated on first use. For T5 the vectors sit around the refit basin, not the
 * published coefficients (docs/method.md §4.4): use them as a spread relative to their median.
 */
import type { LawCoefficients } from './coefficients.js';
import { lawBootstrapDocumentSchema, type LawBootstrapDocument } from './law-bootstrap-file.js';
import type { PresetId } from './presets.js';
import { parseDocument } from '../schema.js';
import vitDocument from '../../../resources/law-bootstrap/vit.json' with { type: 'json' };
import t5Document from '../../../resources/law-bootstrap/t5.json' with { type: 'json' };

const RAW: Readonly<Record<PresetId, unknown>> = { vit: vitDocument, t5: t5Document };
const parsed = new Map<PresetId, LawBootstrapDocument>();

/** The whole document, with provenance and the m(S) summary against the preset. */
export function presetBootstrapDocument(presetId: PresetId): LawBootstrapDocument {
  let doc = parsed.get(presetId);
  if (!doc) {
    doc = parseDocument(lawBootstrapDocumentSchema, RAW[presetId], `resources/law-bootstrap/${presetId}.json`);
    if (doc.family !== presetId) throw new Error(`resources/law-bootstrap/${presetId}.json describes ${doc.family}`);
    parsed.set(presetId, doc);
  }
  return doc;
}

/** The successful bootstrap vectors in paper units (copies: callers may keep or change them). */
export function presetBootstrapVectors(presetId: PresetId): LawCoefficients[] {
  return presetBootstrapDocument(presetId).vectors.map((k) => ({ ...k }));
}
