/**
 * The house style (../shared/notes/japanese-style.md) checked mechanically over every Japanese
 * text, and the two languages checked for the same keys and the same placeholders.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../../../src-main/core/i18n/en.js';
import { glossaryEn } from '../../../../src-main/core/i18n/glossary-en.js';
import { glossaryJa } from '../../../../src-main/core/i18n/glossary-ja.js';
import { ja } from '../../../../src-main/core/i18n/ja.js';
import { uiEn } from '../../../../src-main/core/i18n/ui-en.js';
import { uiJa } from '../../../../src-main/core/i18n/ui-ja.js';
import { uxEn } from '../../../../src-main/core/i18n/ux-en.js';
import { uxJa } from '../../../../src-main/core/i18n/ux-ja.js';
import { resultEn } from '../../../../src-main/core/i18n/result-en.js';
import { resultJa } from '../../../../src-main/core/i18n/result-ja.js';
import { wizard2En } from '../../../../src-main/core/i18n/wizard2-en.js';
import { wizard2Ja } from '../../../../src-main/core/i18n/wizard2-ja.js';

function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const PAIRS = [
  ['core', en, ja],
  ['ui', uiEn, uiJa],
  ['ux', uxEn, uxJa],
  ['glossary', glossaryEn, glossaryJa],
  ['result', resultEn, resultJa],
  ['wizard2', wizard2En, wizard2Ja],
] as const;

const japanese = new Map<string, string>();
for (const [name, , jaTexts] of PAIRS) for (const [k, v] of leaves(jaTexts)) japanese.set(`${name}.${k}`, v);

/** Words and forms the style guide forbids, with the reason it gives. */
const FORBIDDEN: [RegExp, string][] = [
  [/疎/, 'スパース, not 疎'],
  [/ベースライン/, '基準モデル, not ベースライン'],
  [/エンジニアリング/, '導入作業費／工数, not エンジニアリング'],
  [/稼働率|利用率/, '計算効率 (稼働率 is equipment availability)'],
  [/作業例/, '計算例, not 作業例'],
  [/予測損失/, '予測誤差, not 予測損失'],
  [/リクエスト/, '推論回数, not リクエスト'],
  [/評価期間/, '検討期間, not 評価期間'],
  [/リビジョン/, '版, not リビジョン'],
  [/元を取る/, '回収, not 元を取る'],
  [/どちらとも言えない/, 'IPCC: どちらも同程度'],
  [/[¥￥]|JPY/, '円, never ¥ or JPY'],
  [/ヶ月|カ月/, 'か月'],
  [/エラー|不正|無効/, 'error messages never say エラー, 不正 or 無効'],
  [/あなた|自分/, 'no あなた or 自分'],
  [/[0-9}] +(か月|倍|枚|件|回|人日|トークン|パラメータ|%|円|コア|秒|分)/, 'no space between a number and its unit'],
  [/×\s*(\d|\{\{)/, 'multiples are ○倍, × only in formulas and sizes'],
  [/[–~]/, 'ranges use 〜'],
  [/[\u3040-\u30ff\u4e00-\u9fff] [A-Za-z0-9{]|[A-Za-z0-9}] [\u3040-\u30ff\u4e00-\u9fff]/, 'no space between Japanese and half-width text'],
];

/** Sizes (224×224) and the law's formula legitimately use ×, spaces and ASCII. */
const EXEMPT: Record<string, RegExp[]> = {
  'core.memo.appendix.coefficientsNote': [/[0-9}] +/, /[–~]/],
  'glossary.tokensPerImage.text': [/×/],
  'core.memo.footer.left': [/[\u3040-\u30ff\u4e00-\u9fff] [A-Za-z0-9{]/],
  'glossary.utilisation.text': [/稼働率/],
  'wizard2.defaultNotes.vitBlocks': [/×/],
  'wizard2.defaultNotes.t5Blocks': [/×/],
  'wizard2.defaultNotes.vitTokens': [/×/],
};

describe('Japanese copy follows the house style', () => {
  it.each(FORBIDDEN.map(([pattern, why]) => [why, pattern] as const))('%s', (_why, pattern) => {
    const offending = [...japanese].filter(([key, text]) => pattern.test(text) && !(EXEMPT[key] ?? []).some((e) => e.source === pattern.source || e.test(text.match(pattern)![0])));
    expect(offending).toEqual([]);
  });

  it('titles of steps are questions ending in a full-width ？', () => {
    for (const key of ['start.title', 'data.title', 'hardware.title', 'pruning.title', 'money.title']) {
      expect(japanese.get(`ui.${key}`)).toMatch(/？$/);
    }
    for (const key of ['situation.title', 'situation.status', 'situation.deployment', 'hardware.choice', 'hardware.roleQuestion', 'data.architecture', 'money.use']) {
      expect(japanese.get(`wizard2.${key}`), key).toMatch(/？$/);
    }
  });

  it('buttons carry no です・ます and no 。', () => {
    for (const key of ['back', 'continue', 'save', 'hardware.runQuick', 'hardware.cancel', 'result.exportMemo', 'check.seeResult']) {
      expect(japanese.get(`ui.${key}`)).not.toMatch(/です|ます|。|！/);
    }
    for (const key of ['hardware.add', 'hardware.remove', 'money.lines.add', 'money.steps.add', 'money.throughput.useMeasured', 'money.throughput.useEstimate']) {
      expect(japanese.get(`wizard2.${key}`), key).not.toMatch(/です|ます|。|！/);
    }
  });

  it('glossary entries are two sentences in both languages', () => {
    for (const [key, entry] of Object.entries(glossaryJa)) expect(entry.text.split('。').filter(Boolean), key).toHaveLength(2);
    for (const [key, entry] of Object.entries(glossaryEn)) expect(entry.text.match(/(?<!\bal)[.?!](\s|$)/g), key).toHaveLength(2);
  });
});

describe('both languages have the same texts', () => {
  /** Japanese gives the currency once in the cells (416万円), not in the caption or the axis name. */
  const DROPPED: Record<string, string[]> = { 'memo.table.caption': ['currency'], 'memo.chart.costOfOwnership.costAxis': ['currency'] };
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  it.each(PAIRS.map(([name, e, j]) => [name, e, j] as const))('%s: same keys and the same placeholders', (_name, enTexts, jaTexts) => {
    const e = leaves(enTexts);
    const j = leaves(jaTexts);
    expect([...j.keys()].sort()).toEqual([...e.keys()].sort());
    for (const [key, text] of e) {
      expect(placeholders(j.get(key)!), key).toEqual(placeholders(text).filter((p) => !(DROPPED[key] ?? []).includes(p!)));
    }
  });
});
