/** Source notes in the reader's language: every note the app's defaults write is shown in Japanese on a Japanese screen. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src-main/core/i18n/index.js';
import { defaultFleet, defaultScenario } from '../../src-main/core/roi/defaults.js';
import { noteInLanguage } from '../../src-renderer/lib/notes.js';

function notesOf(value: unknown, found = new Set<string>()): Set<string> {
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'note' && typeof v === 'string') found.add(v);
      else notesOf(v, found);
    }
  }
  return found;
}

const ja = translator('ja');
const en = translator('en');

describe('source notes in the reader’s language', () => {
  const notes = new Set<string>();
  for (const preset of ['vit', 't5'] as const) {
    const scenario = defaultScenario(preset);
    notesOf(scenario, notes);
    notesOf(defaultFleet(scenario), notes);
  }

  it('has a Japanese text for every note of the app’s defaults, a new fleet’s included', () => {
    expect(notes.size).toBeGreaterThan(30);
    for (const note of notes) {
      const shown = noteInLanguage(note, ja);
      expect(shown, note).not.toBe(note);
      // Names, units and citations stay in Latin letters; no English word of the note survives.
      expect(shown, note).not.toMatch(/\b(the|of|and|per|with|your|replace|assumption)\b/);
    }
  });

  it('keeps the ending that asks for your own figure', () => {
    expect(noteInLanguage('two shifts; replace with your own figure', ja)).toBe('2交代制。自社の数値に置き換えること');
  });

  it('shows a note someone wrote as written, and every note as written in English', () => {
    expect(noteInLanguage('quote from the integrator, 3 May', ja)).toBe('quote from the integrator, 3 May');
    for (const note of notes) expect(noteInLanguage(note, en)).toBe(note);
  });
});
