/** Section 1: what the memo is about, when it was written, and the decision it asks for. */
import type { MemoContext } from '../memo-context.js';
import { COLOR } from '../pdf-layout.js';

export function titleBlock(c: MemoContext): void {
  const { t, layout } = c;
  layout.title(t('memo.title'));
  layout.keyValues(
    [
      [t('memo.meta.scenario'), c.scenario.name],
      [t('memo.meta.date'), c.longDate(c.date)],
      [t('memo.meta.revision'), c.revision === null ? t('memo.meta.unsaved') : String(c.revision)],
      [
        t('memo.meta.decision'),
        t('memo.decision', { params: c.tr.count(c.scenario.baseline.params.value), horizon: c.result.inputs.horizonMonths }),
      ],
    ],
    0.22,
  );
  if (c.scenario.description) layout.paragraph(c.scenario.description, { color: COLOR.muted, size: 9 });
}
