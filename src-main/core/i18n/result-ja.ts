/**
 * 結果ページ（推奨）の日本語テキスト。index.ts に `result` として登録する。画面のため説明はです・ます調、
 * 見出し・ボタン・表は体言止め。表記は shared/notes/japanese-style.md に従う（円、▲、〜、倍、単位の前に空白なし）。
 */
import type { resultEn } from './result-en.js';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const resultJa: Texts<typeof resultEn> = {
  title: '推奨',
  invalid: '推奨を示す前に、修正が必要な回答があります。',
  actions: {
    label: '判断メモとシナリオ',
    memoLanguage: 'メモの言語',
    export: '判断メモを出力',
    exporting: '出力しています…',
    save: 'シナリオを保存',
    saving: '保存しています…',
    exported: '判断メモを保存しました：{{path}}',
    saved: '第{{revision}}版として保存しました。',
    exportFailed: '判断メモを出力できませんでした。保存先のフォルダーに書き込めるかを確認し、もう一度お試しください。（詳細：{{details}}）',
    saveFailed: 'シナリオを保存できませんでした。もう一度お試しください。別の画面で変更された場合は、保存済みのシナリオから開き直してください。（詳細：{{details}}）',
  },
  card: {
    label: '判断',
    savings: '削減額',
    savingsValue: '基準ケースで{{base}}。シミュレーションの10回中8回は{{low}}〜{{high}}、中央値は{{median}}です。',
    cheapest: {
      keep: '現行モデルの継続が最も安く、次に安い{{option}}でも{{horizon}}か月で{{amount}}高くなります（基準ケース）。',
      dense: '計画どおりの密モデルが最も安く、次に安い{{option}}でも{{horizon}}か月で{{amount}}高くなります（基準ケース）。',
    },
    only: {
      keep: '現行と同等の品質の選択肢は、ほかにありません。',
      dense: '同等の品質の選択肢は、ほかにありません。',
    },
    sparsity: 'スパース化',
    confidence: '確信度',
    because: '（理由：{{reasons}}）',
    change: '判断が変わる条件',
    more: 'ほか{{count}}件は下に記載しています',
  },
  compare: {
    title: '選択肢の比較',
    recommended: '推奨',
    note: '金額は年{{rate}}の割引率による現在価値です。品質はスケーリング則（{{law}}）による予測です{{extrapolation}}。速度向上：{{speedups}}。',
    extrapolated: '（適合範囲から最大{{factor}}倍の外挿）',
  },
  range: {
    title: '基準ケースと幅',
    columns: { what: '削減額', base: '基準ケース', low: '下振れ（P10）', high: '上振れ（P90）', median: '中央値' },
    headline: '{{option}}（基準モデルに対して、{{horizon}}か月）',
    advantage: '{{sparse}}（{{alternative}}に対して、{{horizon}}か月）',
    what: '基準ケースは、すべての入力を記載の値とした場合の結果です。範囲は{{draws}}回のシミュレーションのうち中央の8割、中央値はその真ん中の値です。',
    medianLower:
      '中央値が基準ケースを下回る理由：入力の範囲が記載の値の上下で対称でないためです（1.0に対して0.8〜1.6の範囲は平均1.2となり、1.0になりません）。ここでは広い側が費用を増やす方向に働いています{{example}}。どちらも同じ計算によるものです。',
    medianHigher:
      '中央値が基準ケースを上回る理由：入力の範囲が記載の値の上下で対称でないためです（1.0に対して0.8〜1.6の範囲は平均1.2となり、1.0になりません）。ここでは広い側が費用を減らす方向に働いています{{example}}。どちらも同じ計算によるものです。',
    example: '（主に{{input}}：{{base}}に対し{{low}}〜{{high}}）',
    withLaw: 'スケーリング則自体の不確かさも幅を広げています。',
  },
  months: '{{months}}か月',
  scope:
    'ここで評価していないもの：量子化（重みを8ビット・4ビットにする）、蒸留（小型モデルに知識を移す）、推論ランタイムやコンパイラの変更（TensorRT、OpenVINOなど）。いずれも推論費を下げられる可能性があるため、これらの選択肢との比較を担当者に確認してください。',
  sections: {
    reasons: '理由：3つの確認事項',
    change: '判断が変わる条件',
    caps: '判定を制限している要因',
    notes: '注記',
    pilot: '試験導入の内容',
  },
  details: {
    summary: '詳細（技術者向け）',
    hint: 'グラフ、全選択肢、速度向上、スケーリング則',
    charts: 'グラフ',
    costs: '選択肢ごとの費用',
    costsIntro: '{{horizon}}か月間の現在価値（割引率は年{{rate}}）。削減額は{{baseline}}に対する額で、▲は費用増を表します。',
    shapes: '選択肢の詳細',
    speedups: '使用した速度向上',
    benchmark: 'ハードウェア診断の測定結果',
    data: 'データ量',
    law: 'スケーリング則',
    coefficients: '係数',
  },
  charts: {
    savings: '各選択肢の基準モデルに対する累積削減額（現在価値）',
    cost: '選択肢ごとの{{horizon}}か月間の費用の内訳（現在価値）',
    capacity: 'ラインPCの処理能力とピーク需要の月次推移（点は購入時期）',
    devices: '選択肢ごとの{{horizon}}か月間のラインPCの購入台数',
    tornado: '最良のスパースモデルの優位を最も左右する入力',
    distribution: '{{draws}}回のシミュレーションにおける最良のスパースモデルの優位',
    loss: 'スパース率と予測誤差（スケーリング則の単位で、金額ではありません）',
  },
};
