import type { CoreTexts } from './en.js';

/** 日本語のコア文言。尤度の表現は IPCC 第5次評価報告書の日本語訳に合わせる。 */
export const ja: CoreTexts = {
  level: {
    go: '実施を推奨',
    'go-with-conditions': '条件付きで実施',
    'pilot-first': 'まず試験導入',
    'not-now': '今は見送り',
    no: '実施しない',
  },
  likelihood: {
    'virtually-certain': 'ほぼ確実',
    'very-likely': '可能性が非常に高い',
    likely: '可能性が高い',
    'about-as-likely-as-not': 'どちらとも言えない',
    unlikely: '可能性が低い',
    'very-unlikely': '可能性が非常に低い',
    'exceptionally-unlikely': 'ほぼあり得ない',
  },
  confidence: { high: '高い', medium: '中程度', low: '低い', 'very-low': '非常に低い' },
  headline:
    '{{level}}。スパース率 {{sparsity}} への疎化で {{horizon}} か月間に費用を削減できる見込みは「{{likelihood}}」です（確率 {{probability}}、確信度：{{confidence}}）。',
  reason: {
    dataVolume: {
      pays: 'データ量：学習データ（{{data}}）は、疎化が有利になる閾値（{{threshold}}）の {{ratio}} 倍です。最適スパース率は {{optimal}} です。',
      notYet:
        'データ量：学習データ（{{data}}）は、疎化が有利になる閾値（{{threshold}}）の {{ratio}} 倍にとどまります。最適スパース率は 0 で、同じ学習計算量なら密なモデルの方が優れています。',
    },
    hardware: {
      withBreakEven: 'ハードウェア：スパース率 {{sparsity}}{{provider}}の{{kind}}速度向上は ×{{speedup}}{{interval}}です。期間内に元を取るには ×{{breakEven}} が必要です。',
      noBreakEven:
        'ハードウェア：スパース率 {{sparsity}}{{provider}}の{{kind}}速度向上は ×{{speedup}}{{interval}}です。どれほど速くなっても期間内に固定費を回収できません。',
      on: '・{{provider}} 上',
      interval: '（×{{low}}〜×{{high}}）',
    },
    pruningCost: {
      payback: '枝刈りの費用：初期の追加費用は {{upfront}}（エンジニアリング {{engineering}}、再学習 {{pruning}}）で、{{horizon}} か月中 {{month}} か月目に回収できます。',
      never: '枝刈りの費用：初期の追加費用は {{upfront}}（エンジニアリング {{engineering}}、再学習 {{pruning}}）で、{{horizon}} か月以内には回収できません。',
      cheaper: '枝刈りの費用：初期の追加費用はなく、最初から安く済みます。',
    },
  },
  unit: { images: '枚の画像', tokens: 'トークン' },
  speedupKind: { measured: '実測の', 'upper-bound': '上限値（理想的なカーネル。疎な計算の実測ではない）の', assumed: '仮定の' },
  condition: {
    'confirm-speedup-on-deployment-hardware': '本番で使う機械でハードウェア診断を行い、速度向上を確認すること。',
    'smaller-dense-cheaper': 'より多くのデータで学習した小さな密モデルの方がさらに安価です。まずそちらを検討すること。',
    'payback-late-in-horizon': '回収が期間の終盤です。運用期間が短くなると削減効果は消えます。',
    'check-extrapolation': 'スケーリング則を適合範囲の外に外挿しています。試験的な学習で確かめること。',
  },
  cap: {
    'optimal-sparsity-zero': 'このデータ量では最適スパース率が 0 です。疎化は推奨しません。',
    'no-measured-speedup': '実測の速度向上が ×1 以下で、枝刈りには費用がかかります。このハードウェアでは疎化の利点がありません。',
    'no-inference-volume': '推論の利用量がないため、推論費用は削減できません。',
  },
  confidenceReason: {
    'speedup-assumed': '速度向上が実測ではなく仮定である',
    'speedup-upper-bound': '速度向上が上限値であり、疎な計算の実測ではない',
    'speedup-unreliable': '速度向上の測定が不安定である',
    'law-extrapolated': 'スケーリング則を適合範囲の2倍を超えて外挿している',
    'law-far-extrapolated': 'スケーリング則を適合範囲の10倍を超えて外挿している',
    'prune-retrain-route': 'スケーリング則は学習中の枝刈りに対して適合されたもので、学習済みモデルの枝刈りには当てはめていない',
    'custom-law-without-range': '係数に適合範囲の情報がない',
  },
  memo: {
    lawName: { vit: 'JFT-4B で学習した ViT（画像）', t5: 'C4 で学習した T5（言語）' },
    listSeparator: '、',
    option: {
      dense: '密なベースライン',
      sparse: '疎 {{sparsity}}',
      sparseOptimal: '疎 {{sparsity}}（S_opt）',
      smallerDense: '小型の密モデル',
    },
    chart: {
      lossCurve: {
        caption: '非ゼロ数 {{nonzero}}、ベースラインと同じ学習計算量での、スパース率と予測損失の関係',
        sparsityAxis: 'スパース率',
        lossAxis: '予測損失',
        curve: '予測損失',
        optimal: 'S_opt',
        fittedRange: '適合範囲',
      },
      costOfOwnership: {
        caption: '選択肢ごとの {{horizon}} か月間の総保有コスト',
        costAxis: '費用（{{currency}}）',
        training: '学習',
        pruning: '再学習',
        engineering: 'エンジニアリング',
        inference: '推論',
      },
      savingsOverTime: {
        caption: '{{option}}の密なベースラインに対する累積削減額',
        monthAxis: '月',
        savingsAxis: '累積削減額',
        series: '累積削減額',
        zero: '損益分岐線',
        payback: '回収：{{month}} か月目',
        breakEven: '損益分岐',
      },
      tornado: {
        caption: '{{option}}の削減額を左右する要因（各入力を下限・上限に動かし、他は基準値のまま）',
        savingsAxis: '期間中の削減額',
        low: '入力が下限のとき',
        high: '入力が上限のとき',
        base: '基準ケース {{value}}',
        input: '{{name}} {{low}}〜{{high}}',
      },
      distribution: {
        caption: '{{option}}の削減額の分布（{{draws}} 回のシミュレーション、シード {{seed}}）：P10 {{p10}}、P50 {{p50}}、P90 {{p90}}',
        savingsAxis: '期間中の削減額',
        shareAxis: '試行の割合',
        series: '試行',
        zero: '0',
        p10: 'P10',
        p50: 'P50',
        p90: 'P90',
      },
    },
    inputName: {
      requestsPerDay: '1 日あたりの推論回数',
      growthPerMonth: '月間の伸び率',
      speedup: '速度向上',
      engineeringDays: 'エンジニアリング工数（人日）',
      trainingPricePerHour: '学習の時間単価',
      inferencePricePerHour: '推論の時間単価',
      inferenceUtilisation: '推論時の稼働率',
      retrainFraction: '再学習の長さ',
      horizonMonths: '評価期間（月）',
    },
  },
};
