import type { CoreTexts } from './en.js';

/**
 * 日本語のコア文言（推奨、理由、判断メモ）。可能性の表現はIPCC第5次評価報告書の日本語訳に、
 * 用語・数字・文体は japanese-style.md に合わせる：メモ本文はである調、「会議で使える説明」はです・ます調。
 */
export const ja: CoreTexts = {
  level: {
    go: '実施を推奨',
    'go-with-conditions': '条件付きで実施を推奨',
    'pilot-first': '試験導入を先行',
    'not-now': '当面見送り',
    no: '実施しない',
  },
  likelihood: {
    'virtually-certain': 'ほぼ確実',
    'very-likely': '可能性が非常に高い',
    likely: '可能性が高い',
    'about-as-likely-as-not': 'どちらも同程度',
    unlikely: '可能性が低い',
    'very-unlikely': '可能性が非常に低い',
    'exceptionally-unlikely': 'ほぼあり得ない',
  },
  confidence: { high: '高い', medium: '中程度', low: '低い', 'very-low': '非常に低い' },
  headline:
    '{{level}}。スパース率{{sparsity}}へのスパース化で{{horizon}}か月以内に費用を削減できるかは「{{likelihood}}」と評価する（確率{{probability}}、確信度：{{confidence}}）。',
  reason: {
    dataVolume: {
      pays: 'データ量：学習データ（{{data}}）は、スパース化が有利になる境目（{{threshold}}）の{{ratio}}倍。最適スパース率は{{optimal}}。',
      notYet:
        'データ量：学習データ（{{data}}）は、スパース化が有利になる境目（{{threshold}}）の{{ratio}}倍にとどまる。最適スパース率は0%で、同じ学習計算量なら密モデルの方が有利。',
    },
    hardware: {
      withBreakEven: 'ハードウェア：スパース率{{sparsity}}{{provider}}での速度向上は{{speedup}}倍（{{kind}}）{{interval}}。検討期間内に回収するには{{breakEven}}倍が必要。',
      noBreakEven:
        'ハードウェア：スパース率{{sparsity}}{{provider}}での速度向上は{{speedup}}倍（{{kind}}）{{interval}}。どれほど速くなっても、検討期間内に固定費を回収できない。',
      on: '（$t(ux.hardware.provider.{{provider}})）',
      interval: '、範囲は{{low}}〜{{high}}倍',
    },
    pruningCost: {
      payback: '枝刈りの費用：初期の追加費用は{{upfront}}（導入作業費{{engineering}}、再学習費{{pruning}}）。{{horizon}}か月のうち{{month}}か月目に回収。',
      never: '枝刈りの費用：初期の追加費用は{{upfront}}（導入作業費{{engineering}}、再学習費{{pruning}}）。{{horizon}}か月以内には回収できない。',
      cheaper: '枝刈りの費用：初期の追加費用はなく、当初から費用が下がる。',
    },
  },
  unit: { images: '枚', tokens: 'トークン' },
  speedupKind: { measured: '実測値', 'upper-bound': '上限値、スパース計算の実測ではない', assumed: '仮定値' },
  condition: {
    'confirm-speedup-on-deployment-hardware': '本番機（モデルを実際に動かすサーバーまたはラインPC）でハードウェア診断を行い、速度向上を確認すること。',
    'smaller-dense-cheaper': 'データを増やして学習する小型の密モデルの方がさらに安価なため、先にそちらを検討すること。',
    'payback-late-in-horizon': '回収が検討期間の終盤になるため、運用期間が予定より短くならないことを確認すること。',
    'check-extrapolation': 'スケーリング則を適合範囲の外に外挿しているため、試験学習で確かめること。',
  },
  cap: {
    'optimal-sparsity-zero': 'このデータ量では最適スパース率が0%であり、スパース化は推奨しない。',
    'no-measured-speedup': '速度向上の実測値が1倍以下であり、枝刈りには費用がかかる。このハードウェアではスパース化の利点がない。',
    'no-inference-volume': '推論回数が0のため、推論費は削減できない。',
  },
  confidenceReason: {
    'speedup-assumed': '速度向上が仮定値（実測値ではない）',
    'speedup-upper-bound': '速度向上が上限値（スパース計算の実測ではない）',
    'speedup-unreliable': '速度向上の測定が不安定',
    'law-extrapolated': 'スケーリング則の外挿（適合範囲の2倍超）',
    'law-far-extrapolated': 'スケーリング則の外挿（適合範囲の10倍超）',
    'prune-retrain-route': '学習済みモデルの枝刈りにスケーリング則を適用（未検証）',
    'custom-law-without-range': '係数に適合範囲の情報がない',
  },
  memo: {
    lawName: { vit: 'JFT-4Bで学習した画像モデルViT', t5: 'C4で学習した言語モデルT5' },
    listSeparator: '、',
    option: {
      dense: '基準モデル',
      sparse: 'スパース{{sparsity}}',
      sparseOptimal: 'スパース{{sparsity}}（S_opt）',
      smallerDense: '小型の密モデル',
    },
    chart: {
      lossCurve: {
        caption: '非ゼロ数{{nonzero}}、基準モデルと同じ学習計算量での、スパース率と予測誤差の関係',
        sparsityAxis: 'スパース率',
        lossAxis: '基準モデルに対する予測誤差の差',
        curve: '予測誤差',
        optimal: 'S_opt',
        baseline: '基準モデル：{{loss}}',
        outsideRange: '適合範囲外（外挿）',
        fittedRange: '適合範囲',
      },
      costOfOwnership: {
        caption: '選択肢ごとの{{horizon}}か月間の総保有コスト',
        costAxis: '費用',
        training: '学習費',
        pruning: '再学習費',
        engineering: '導入作業費',
        inference: '推論費',
      },
      savingsOverTime: {
        caption: '{{option}}の基準モデルに対する累積削減額',
        monthAxis: '月',
        savingsAxis: '累積削減額',
        series: '累積削減額',
        zero: '損益分岐線',
        payback: '回収：{{month}}か月目',
        breakEven: '損益分岐',
      },
      tornado: {
        caption: '{{option}}の削減額を左右する入力（各入力を下限・上限に動かし、他は基準値のまま）',
        savingsAxis: '検討期間中の削減額',
        low: '入力が下限のとき',
        high: '入力が上限のとき',
        base: '基準ケース：{{value}}',
        input: '{{name}}（{{low}}〜{{high}}）',
      },
      distribution: {
        caption: '{{option}}の削減額の分布（{{draws}}回のシミュレーション、シード{{seed}}）。下振れ（P10）{{p10}}、中央値（P50）{{p50}}、上振れ（P90）{{p90}}',
        savingsAxis: '検討期間中の削減額',
        shareAxis: '試行の割合',
        series: '試行',
        zero: '0',
        p10: 'P10',
        p50: 'P50',
        p90: 'P90',
      },
    },
    inputName: {
      requestsPerDay: '1日あたりの推論回数',
      growthPerMonth: '需要の月間伸び率',
      speedup: '速度向上',
      engineeringDays: '導入作業の工数（人日）',
      trainingPricePerHour: '学習用GPUの1時間あたりの単価',
      inferencePricePerHour: '推論の1時間あたりの単価',
      inferenceUtilisation: '推論時の計算効率',
      retrainFraction: '再学習の長さ',
      horizonMonths: '検討期間（か月）',
    },
  },
};
