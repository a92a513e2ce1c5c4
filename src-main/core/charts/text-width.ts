/**
 * A rough width of a label in pixels, for the fixed grid margins: ECharts' server-side
 * rendering measures text only approximately, so the charts reserve room themselves.
 * Full-width characters (kana, kanji, full-width forms) count as one em, others as 0.6 em.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    ems += code >= 0x2e80 && !(code >= 0xff61 && code <= 0xff9f) ? 1 : 0.6;
  }
  return ems * fontSize;
}

/** The widest of several labels, plus a small gap to the axis. */
export function labelColumn(texts: readonly string[], fontSize: number, min = 40, max = 260): number {
  const widest = texts.reduce((w, t) => Math.max(w, textWidth(t, fontSize)), 0);
  return Math.round(Math.min(max, Math.max(min, widest + 14)));
}
