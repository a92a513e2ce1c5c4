/** 検証・信頼できる数値・試験学習の計画の日本語（`pilot.` 名前空間）。画面向けのため です・ます調。 */
import type { pilotEn } from './pilot-en.js';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const pilotJa: Texts<typeof pilotEn> = {
  verdict: {
    'extrapolates-well': '外挿に使える',
    'use-with-care': '注意して使う',
    unreliable: '信頼できない',
    none: '検証できる試験学習がありません',
  },
  heldOut: {
    title: '当てはめに使っていない試験学習をどこまで予測できるか',
    intro:
      '最も大きいモデルの試験学習（データ量が4水準以上あれば、最も長い学習も）を除いてスケーリング則を当てはめ、除いた試験学習の予測誤差を予測しました。予測と実測の差は、モデルの大きさに換算した差でも示します。',
    thresholds: 'モデルの大きさに換算して±10%以内なら外挿に使えます。±25%以内なら注意して使い、それを超えると信頼できません。',
    name: { 'largest-size': '最大のモデル', 'longest-training': '最長の学習' },
    check: {
      'largest-size': '最大のモデル（非ゼロパラメータ数{{level}}、除いた試験学習{{runs}}件）',
      'longest-training': '最長の学習（{{level}}{{unit}}、除いた試験学習{{runs}}件）',
    },
    errors: '予測誤差の予測と実測の差：平均{{mean}}、最大{{worst}}。モデルの大きさに換算すると平均{{sizeMean}}、最大{{sizeWorst}}。',
    notPossible: {
      'too-few-data-levels':
        '検証できません。データ量が{{levels}}水準しかなく、最長の学習を除くと{{left}}水準になります。当てはめには3水準以上が必要です。',
      design: '検証できません。残りの試験学習ではスケーリング則を決められません（{{message}}）。',
      'no-usable-refit': '検証できません。残りの試験学習から使えるスケーリング則が得られませんでした（{{message}}）。',
    },
  },
  trust: {
    title: '信頼できる数値',
    intro: 'ブートストラップによる{{level}}区間です。区間が±10%（最適スパース率は±10ポイント）を超える数値に印を付けています。',
    quantity: '数値',
    value: '値',
    interval: '区間',
    spread: '幅',
    status: '判定',
    tight: '±10%以内',
    wide: '±10%超',
    points: '±{{points}}ポイント',
    kind: {
      multiplier: '同等の密モデルの大きさm({{sparsity}})',
      'equal-quality-size': 'スパース率{{sparsity}}で必要な非ゼロパラメータ数（密モデル比）',
      'optimal-sparsity': '基準点での最適スパース率',
      loss: '基準点での予測誤差',
    },
    coefficients: '係数',
    coefficientStatus: { tight: '狭い', wide: '広い', unidentifiable: '単独では決まらない' },
    unidentifiableButTight:
      '単独では決まらない係数がありますが、m(S)の区間は狭いです。個々の係数ではなく、m(S)・最適スパース率・モデルの大きさを判断に使ってください。',
  },
  plan: {
    title: '予算内で試験学習を計画する',
    intro:
      '自社で当てはめるスケーリング則が、同等の密モデルの大きさm(S)をできるだけ狭い区間で示せるよう、どの試験学習を行うかを計画します。1回の学習の計算量（FLOP）は、6×密モデルのパラメータ数×データ量×1単位あたりのトークン数です。',
    family: 'モデルの種類',
    law: '計画の基にするスケーリング則',
    preset: 'このモデルの種類について公表されたスケーリング則',
    custom: '自社で当てはめたスケーリング則：{{name}}',
    budget: '予算（GPU時間）',
    gpuFlops: 'GPU1台のピーク性能（TFLOP/s）',
    gpuFlopsSource: '既定値：NVIDIA A100のデータシート（BF16、密演算で312TFLOP/s）。',
    utilisation: '計算効率（%）',
    tokensPerUnit: '画像1枚あたりのトークン数',
    targetNonzero: '対象モデル（非ゼロパラメータ数）',
    targetSparsities: '確かめたいスパース率（%）',
    run: '計画する',
    running: '計画しています（数秒かかります）',
    summary: '試験学習{{runs}}件、{{budget}}GPU時間のうち{{hours}}GPU時間を使います。',
    grid: 'スパース率{{sparsities}}×モデルの大きさ{{sizes}}水準×データ量{{data}}水準。',
    columns: { run: '学習', sparsity: 'スパース率', nonzero: '非ゼロ数', dense: '密の大きさ', data: 'データ量', hours: 'GPU時間' },
    predictionTitle: 'この試験学習で当てはめたときの{{level}}区間（予測）',
    multiplier: 'm({{sparsity}})：{{value}}（{{low}}〜{{high}}）、±{{width}}',
    optimal: '対象モデルの最適スパース率：{{value}}（{{low}}〜{{high}}）、±{{points}}ポイント',
    how: '{{n}}回の模擬試験学習による予測です。現在のスケーリング則に論文の試験学習と同じばらつき（予測誤差の{{sigma}}）を加えた結果を作り、当てはめ直しました。',
    extrapolation: '最大の試験学習は非ゼロパラメータ数{{largest}}で、対象モデル（{{target}}）の{{factor}}分の1です。',
    capped: '最大の試験学習が対象モデルの3分の1より小さいため、この当てはめの後も推奨は「試験導入を先行」にとどまります。',
    doubled: '予算を2倍（{{budget}}GPU時間）にすると、最大の試験学習は非ゼロパラメータ数{{largest}}（対象モデルの{{factor}}分の1）、{{widths}}になります。',
    doubledWidth: 'm({{sparsity}})は±{{width}}',
    minimum: '有効な計画に必要な最小の予算：{{hours}}GPU時間。',
    export: 'CSVとして保存',
    exported: '{{path}}に保存しました。学習後に「loss」列に予測誤差を記入し、そのファイルからスケーリング則を当てはめてください。',
    error: {
      positive: '「{{field}}」には0より大きい数値を半角で入力してください（例：{{example}}）。',
      utilisation: '「{{field}}」はGPUのピーク性能のうち引き出せる割合です。0より大きく100以下の数値を入力してください。',
      sparsities: '「{{field}}」には0より大きく100未満の数値を、カンマで区切って入力してください（例：50, 75）。',
      budget: '有効な計画（スパース率3水準×モデルの大きさ3水準×データ量4水準）には予算が足りません。必要な最小の予算は{{hours}}GPU時間です。',
    },
  },
};
