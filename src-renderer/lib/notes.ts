/**
 * A source note in the reader's language. Notes are free text stored in the scenario; the app's own
 * defaults (defaults.ts) write theirs in English, so a Japanese screen would show English. Those
 * notes are looked up word for word (wizard2.defaultNotes) and shown in Japanese; anything else,
 * typed by a person or shipped in a file, is shown as written. A unit test keeps the table complete.
 */
import type { Translator } from '../../src-main/core/i18n/index.js';
import { wizard2En } from '../../src-main/core/i18n/wizard2-en.js';

/** The ending defaults.ts gives most assumptions. */
const OWN_FIGURE = `; ${wizard2En.defaultNotes.ownFigure}`;
const KEY_OF = new Map(Object.entries(wizard2En.defaultNotes).map(([key, text]) => [text as string, key]));

export function noteInLanguage(note: string, tr: Translator): string {
  if (tr.language === 'en') return note;
  const base = note.endsWith(OWN_FIGURE) ? note.slice(0, -OWN_FIGURE.length) : note;
  const key = KEY_OF.get(base);
  if (!key) return note;
  const text = tr.t(`wizard2.defaultNotes.${key}`) as string;
  return base === note ? text : `${text}。${tr.t('wizard2.defaultNotes.ownFigure')}`;
}
