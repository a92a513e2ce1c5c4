import type { FleetTexts } from './fleet-en.js';

/** 自社保有のラインPC（購入理由、計画上の注意、処理能力の出所、2つのグラフ）の日本語。画面の文はです・ます調。 */
export const fleetJa: FleetTexts = {
  reason: {
    capacity: '処理能力の増強',
    'new-line': '新ライン',
    replacement: '耐用期間の終了による更新',
  },
  warning: {
    'out-of-capacity-at-start': '現時点で需要に追いつかないラインがあるため、開始時点でラインPCを購入する計画としています。',
    'latency-budget-missed': 'この選択肢は推論1回あたり{{latency}}かかり、タクトタイム{{budget}}を超えるため、推奨の対象外です。',
  },
  runOut: {
    never: '{{horizon}}か月間、処理能力は不足しません',
    month: '{{month}}か月目に処理能力が不足します',
  },
  throughput: {
    measured: '{{machine}}での実測値',
    estimate: '推定値（行列積のみ、合成した形状での測定）',
    entered: '入力値',
    published: '公表値',
  },
  chart: {
    capacityVsDemand: {
      caption: '選択肢ごとのラインPCの処理能力とピーク需要の推移（点は購入時点）',
      monthAxis: '月',
      rateAxis: '毎秒の推論回数',
      demand: 'ピーク需要',
      purchases: '購入',
    },
    devicesBought: {
      caption: '選択肢ごとの{{horizon}}か月間のラインPC購入台数（理由別）',
      devicesAxis: '購入台数（台）',
      capacity: '処理能力の増強',
      'new-line': '新ライン',
      replacement: '更新',
      total: '計{{devices}}台',
    },
  },
};
