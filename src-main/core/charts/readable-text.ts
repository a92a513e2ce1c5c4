/**
 * The smallest text a chart may use, and a pass that lifts every smaller font size in an ECharts
 * option up to it. 12 px is the floor on screen; in the memo it prints at 12 × 0.85 ≈ 10 pt, above
 * the 9 pt floor. The shared frame draws axis labels and legends one pixel under the theme's size,
 * so the fleet charts run this pass over their finished option.
 */
import type { ChartOption } from './option.js';

export const MIN_CHART_TEXT_PX = 12;

function lift(value: unknown, min: number): unknown {
  if (Array.isArray(value)) return value.map((v) => lift(v, min));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'fontSize' && typeof v === 'number' ? Math.max(min, v) : lift(v, min);
  }
  return out;
}

/** A copy of the option with no font size below `min`; functions (formatters) are kept as they are. */
export function withReadableText<T extends ChartOption>(option: T, min = MIN_CHART_TEXT_PX): T {
  return lift(option, min) as T;
}

/** The font size the fleet charts use for every text they set themselves. */
export function chartTextSize(themeFontSize: number): number {
  return Math.max(MIN_CHART_TEXT_PX, themeFontSize);
}
