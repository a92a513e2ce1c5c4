import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src-main/core/i18n/index.js';
import { describeField, describeIssue, INPUT_FIELDS, RANGE_INPUT_LABELS, type SchemaIssue } from '../../../../src-main/core/i18n/issues.js';
import { scenarioSchema } from '../../../../src-main/core/roi/scenario.js';
import { defaultFleet, defaultScenario } from '../../../../src-main/core/roi/defaults.js';

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
    const [issue] = issuesOf((s) => s.deployment.kind === 'metered' && (s.deployment.utilisation.value = 0));
    expect(describeIssue(issue!, ja).message).toBe('「推論時の計算効率」には0%より大きい値を入力してください。');
    const [requests] = issuesOf((s) => s.deployment.kind === 'metered' && (s.deployment.requestsPerDay.value = -5));
    expect(describeIssue(requests!, en).message).toBe('“Requests per day” must be at least 0.');
    const [months] = issuesOf((s) => (s.deployment.horizonMonths.value = 2.5));
    expect(describeIssue(months!, ja).message).toBe('「検討期間」には整数を入力してください（例：24）。');
  });

  it('turns the schema’s own refinements into sentences with a fix', () => {
    const issues = issuesOf((s) => (s.baseline.uniqueData.value = s.data.available.value * 2));
    const words = describeIssue(issues[0]!, ja, 'JPY', '18億枚');
    expect(words.message).toBe('「学習データ（重複を除く）」は利用可能なデータの総量（18億枚）以下にしてください。');
    expect(describeIssue(issues[0]!, en, 'JPY', '1.8B images').message).toBe('“Unique training data” must not be more than the unique data available in all (1.8B images).');
    const assumed = issuesOf((s) => {
      s.deployment.speedup.source = 'assumed';
      s.deployment.speedup.assumed = [];
    });
    expect(describeIssue(assumed[0]!, en).message).toContain('Add at least one assumed speed-up');
    const published = issuesOf((s) => (s.deployment.speedup.source = 'published'));
    expect(describeIssue(published[0]!, ja).message).toBe('公表値の対象機種を選ぶか、ほかの根拠を選んでください。');
    const range = issuesOf((s) => (s.uncertainty.ranges.growthPerMonth = { low: 0.03, high: 0.05, distribution: 'triangular' }));
    expect(describeIssue(range[0]!, en).message).toBe('“Growth per month (low end of the range)” must not be above the value itself (2%).');
    const outside = issuesOf((s) => (s.uncertainty.ranges.growthPerMonth = { low: -0.9, high: 0.05, distribution: 'triangular' }));
    expect(describeIssue(outside[0]!, ja).message).toBe('「月間伸び率（範囲の下限）」は-50%〜100%の範囲で入力してください。');
  });

  it('names the entries of a fleet by their number, and a change outside the horizon', () => {
    const issues = issuesOf((s) => {
      s.deployment = defaultFleet(s);
      s.deployment.lines[0]!.devices = 0;
      s.deployment.steps = [{ month: 99, name: 'new hall', addLines: 2, peakRequestsPerSecondPerLine: 1 }];
    });
    const messages = issues.map((i) => describeIssue(i, en).message);
    expect(messages).toContain('“Devices on line 1” must be at least 1.');
    expect(messages).toContain('“Month of change 1” must be a month inside the horizon.');
    expect(issues.map((i) => describeIssue(i, ja).message)).toContain('「ライン1のラインPCの台数」は1以上にしてください。');
    const notApplicable = issuesOf((s) => (s.uncertainty.ranges.devicePrice = { low: 1, high: 2, distribution: 'triangular' }));
    expect(describeIssue(notApplicable[0]!, en).message).toBe('“Price per device (range)” does not apply to this situation. Clear the range.');
  });

  it('says an assumed speed-up above the physical bound with the bound as a multiple', () => {
    const issue: SchemaIssue = { path: ['deployment', 'speedup', 'assumed', 0, 'value'], code: 'custom', message: 'x', params: { key: 'aboveBound', limit: 1.93 } };
    expect(describeIssue(issue, en).message).toBe('“Assumed speed-up” must not be above the physical bound ×1.93 at this sparsity: only the Transformer blocks speed up.');
    expect(describeIssue(issue, ja).message).toBe('「速度向上の仮定値」は、このスパース率での理論上の上限（1.93倍）以下にしてください。速くなるのはTransformerブロックの計算だけです。');
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
      { path: ['deployment', 'lines', 7, 'somethingNew'], code: 'too_small', minimum: 1, inclusive: true, message: 'x' },
      { path: ['decision', 'brandNew'], code: 'custom', message: 'must lie within 0…1' },
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
    for (const [input, { label }] of Object.entries(RANGE_INPUT_LABELS)) {
      expect(en.t(label), input).not.toBe(label);
      expect(ja.t(label), input).not.toBe(label);
    }
  });

  it('has a name for every number of scenario v2, a fleet and a trained model included', () => {
    const scenario = defaultScenario('t5');
    scenario.baseline.status = 'trained';
    const withFleet = { ...scenario, deployment: defaultFleet(scenario) };
    const leaves = (node: unknown, path: string[]): string[][] =>
      node !== null && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => (k === 'source' ? [] : leaves(v, [...path, k]))) : [path];
    for (const s of [scenario, withFleet]) {
      for (const path of leaves(s, [])) {
        if (path[0] === 'format' || path[0] === 'version') continue;
        const { label } = describeField(path, en);
        expect(label, path.join('.')).not.toMatch(/^an answer/);
        expect(describeField(path, ja).label, path.join('.')).not.toMatch(/回答$/);
      }
    }
  });

  it('reads zod’s codes for lists and texts', () => {
    const list = z.object({ sparsity: z.object({ candidates: z.array(z.number()).min(1) }) }).safeParse({ sparsity: { candidates: [] } });
    expect(describeIssue(list.error!.issues[0] as unknown as SchemaIssue, ja).message).toBe('「比較するスパース率」を1件以上入力してください。');
    const name = z.object({ name: z.string().trim().min(1) }).safeParse({ name: ' ' });
    expect(describeIssue(name.error!.issues[0] as unknown as SchemaIssue, en).message).toBe('Enter “Scenario name”.');
  });
});
