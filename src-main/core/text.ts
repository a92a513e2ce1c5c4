/**
 * Names people type (scenarios, fits) are cleaned before they are stored, and every text the
 * CLI prints is made safe for a terminal: no control characters (escape sequences could rewrite
 * the screen), no bidirectional overrides (they reorder what is shown), no lone surrogates.
 */

/** C0 and C1 controls and DEL; tab and newline are handled by the callers that allow them. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides and isolates, and the line/paragraph separators. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A name as it is stored: the characters above removed, whitespace runs collapsed, trimmed. */
export function cleanName(text: string): string {
  return text.replace(CONTROLS, ' ').replace(BIDI, '').replace(LONE_SURROGATE, '').replace(/\s+/g, ' ').trim();
}

function escapeOne(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text for a terminal: newlines and tabs stay, every other unsafe character is shown as \uXXXX. */
export function terminalSafe(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, escapeOne)
    .replace(BIDI, escapeOne)
    .replace(LONE_SURROGATE, escapeOne);
}

/**
 * JSON for a terminal or a pipe: JSON.stringify already escapes C0 controls and lone
 * surrogates; C1 controls and bidirectional characters are escaped here, which is still valid JSON.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, escapeOne).replace(BIDI, escapeOne);
}
