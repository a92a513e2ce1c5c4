import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src-main/core/i18n/index.js';
import { describeField, describeIssue, INPUT_FIELDS, type SchemaIssue } from '../../../../src-main/core/i18n/issues.js';
import { scenarioSchema } from '../../../../src-main/core/roi/scenario.js';
import { defaultScenario } from '../../../../src-main/core/roi/defaults.js';

const en = translator('en');
const ja = translator('ja');
const PATH_LIKE = /\b[a-z]+[A-Z]?[a-zA-Z]*\.[a-z][a-zA-Z]*(\.|\b)/;

function issuesOf(mutate: (s: ReturnType<typeof defaultScenario>) => void): SchemaIssue[] {
  const scenario = defaultScenario('vit');
  mutate(scenario);
  const parsed = scenarioSchema.safeParse(scenario);
  expect(parsed.success).toBe(false);
  return parsed.error!.issues as unknown as SchemaIssue[];
}

describe('validation problems in the reader’s words', () => {
  it('names the field, says what is wrong and the limit in the field’s own terms', () => {
    const [issue] = issuesOf((s) => (s.training.utilisation.value = 1.5));
    expect(describeIssue(issue!, en).message).toBe('“Training utilisation” must be at most 100%.');
    expect(describeIssue(issue!, ja).message).toBe('「学習時の計算効率」は100%以下にしてください。');
  });

  it('reads a lower bound as “greater than” or “at least”', () => {
    const [issue] = issuesOf((s) => (s.deployment.utilisation.value = 0));
    expect(describeIssue(issue!, ja).message).toBe('「推論時の計算効率」には0%より大きい値を入力してください。');
    const [requests] = issuesOf((s) => (s.deployment.requestsPerDay.value = -5));
    expect(describeIssue(requests!, en).message).toBe('“Requests per day” must be at least 0.');
    const [months] = issuesOf((s) => (s.deployment.horizonMonths.value = 2.5));
    expect(describeIssue(months!, ja).message).toBe('「検討期間」には整数を入力してください（例：24）。');
  });

  it('turns the schema’s own refinements into sentences with a fix', () => {
    const issues = issuesOf((s) => (s.baseline.availableData.value = s.baseline.trainingData.value / 2));
    const words = describeIssue(issues[0]!, ja, 'JPY', '18億枚');
    expect(words.message).toBe('「利用可能なデータの総量」は基準モデルの学習データ（18億枚）以上にしてください。');
    const assumed = issuesOf((s) => {
      s.deployment.speedup.source = 'assumed';
      s.deployment.speedup.assumed = [];
    });
    expect(describeIssue(assumed[0]!, en).message).toContain('Add at least one assumed speed-up');
  });

  it('names a range’s end by the input it belongs to', () => {
    const field = describeField(['uncertainty', 'ranges', 'requestsPerDay', 'low'], ja);
    expect(field.label).toBe('1日あたりの推論回数（範囲の下限）');
  });

  it('never shows a path or an English message in Japanese, whatever the path or code', () => {
    const strange: SchemaIssue[] = [
      { path: ['baseline', 'somethingNew', 'value'], code: 'too_small', minimum: 3, inclusive: true, message: 'x' },
      { path: ['brandNew', 'field'], code: 'weird_code', message: 'must be fine' },
      { path: ['deployment', 'fleet', 'devices'], code: 'custom', message: 'must be whole devices' },
      ...Object.keys(INPUT_FIELDS).map((key): SchemaIssue => ({ path: [...key.split('.'), 'value'], code: 'too_big', maximum: 1e16, inclusive: true, message: 'must be at most 1e16' })),
    ];
    for (const issue of strange) {
      for (const tr of [en, ja]) {
        const { message } = describeIssue(issue, tr);
        expect(message).not.toMatch(PATH_LIKE);
        expect(message).not.toMatch(/\de\d/);
        if (tr === ja) expect(message).not.toMatch(/[a-z]{4,}/);
      }
    }
  });

  it('covers every field the app asks for in both languages', () => {
    for (const [path, { label }] of Object.entries(INPUT_FIELDS)) {
      expect(en.t(label), path).not.toBe(label);
      expect(ja.t(label), path).not.toBe(label);
    }
  });

  it('reads zod’s codes for lists and texts', () => {
    const list = z.object({ sparsity: z.object({ candidates: z.array(z.number()).min(1) }) }).safeParse({ sparsity: { candidates: [] } });
    expect(describeIssue(list.error!.issues[0] as unknown as SchemaIssue, ja).message).toBe('「比較するスパース率」を1件以上入力してください。');
    const name = z.object({ name: z.string().trim().min(1) }).safeParse({ name: ' ' });
    expect(describeIssue(name.error!.issues[0] as unknown as SchemaIssue, en).message).toBe('Enter “Scenario name”.');
  });
});
