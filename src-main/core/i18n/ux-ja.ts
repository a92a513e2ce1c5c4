import type { uxEn } from './ux-en.js';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/**
 * 入力画面のわかりやすさのための文言：入力チェックのメッセージ（項目名・問題・直し方の3要素）、
 * エラーの一覧、用語解説のボタン、ハードウェア診断の表、保存したシナリオの比較。`ux` に登録する。
 */
export const uxJa: Texts<typeof uxEn> = {
  examples: {
    count: '15億、1500000000、1.5e9',
    money: '80万、800000',
    percent: '40',
    number: '25、12.5',
    integer: '24',
  },
  summary: {
    title: '入力内容を確認してください',
    intro: '先に進むには、次の項目を直してください。',
    engine: '推奨を計算できませんでした。入力内容を確認し、もう一度お試しください。（詳細：{{details}}）',
  },
  issue: {
    notNumber: '「{{field}}」には数値を入力してください（例：{{examples}}）。',
    greaterThan: '「{{field}}」には{{limit}}より大きい値を入力してください。',
    atLeast: '「{{field}}」は{{limit}}以上にしてください。',
    atMost: '「{{field}}」は{{limit}}以下にしてください。',
    lessThan: '「{{field}}」は{{limit}}未満にしてください。',
    wholeNumber: '「{{field}}」には整数を入力してください（例：24）。',
    atLeastItems: '「{{field}}」を{{limit}}件以上入力してください。',
    atMostItems: '「{{field}}」は{{limit}}件以下にしてください。',
    empty: '「{{field}}」を入力してください。',
    tooLong: '「{{field}}」は{{limit}}文字以内で入力してください。',
    availableBelowTraining: '「{{field}}」は基準モデルの学習データ（{{other}}）以上にしてください。',
    lowAboveHigh: '「{{field}}」の範囲は、下限を上限以下にしてください。',
    lognormalNeedsPositive: '対数正規分布を使う場合、「{{field}}」の下限は0より大きくしてください。',
    assumedMissing: '「速度向上の仮定値」を1つ以上入力するか、速度向上の根拠として「ハードウェア診断の実測値」を選んでください。',
    wrongUnit: '「{{field}}」の単位がこのモデルの種類に合いません。このモデルの種類で新しいシナリオを始めてください。',
    tokensPerToken: 'データをトークンで数える場合、「{{field}}」は1にしてください。',
    choose: '「{{field}}」を選んでください。',
    check: '「{{field}}」の値を確認してください。',
  },
  field: {
    name: 'シナリオ名',
    assumedSpeedups: '速度向上の仮定値',
    assumedSparsity: '仮定値のスパース率',
    assumedValue: '速度向上の仮定値',
    candidates: '比較するスパース率',
    rangeLow: '{{field}}（範囲の下限）',
    rangeHigh: '{{field}}（範囲の上限）',
    range: '{{field}}（範囲）',
    seed: 'シミュレーションのシード',
    draws: 'シミュレーションの試行回数',
    provider: '実行環境',
    currency: '通貨',
    coefficients: '独自のスケーリング則',
  },
  section: {
    baseline: 'データ量の回答',
    hardware: 'ハードウェアの回答',
    pruning: '枝刈りの費用の回答',
    money: '利用量と費用の回答',
    uncertainty: '不確かな入力の範囲',
    other: '回答',
  },
  term: {
    open: '「{{term}}」の説明',
    close: '閉じる',
  },
  steps: {
    goTo: '「{{step}}」へ移動',
    done: '完了',
    current: '現在のステップ',
  },
  file: {
    choose: 'ファイルを選ぶ',
    none: 'ファイルが選ばれていません',
    chosen: '選んだファイル：{{name}}',
    failed: 'ファイルを読み込めませんでした。シナリオ、ハードウェア診断、スケーリング則のいずれかのファイル（JSON）かを確認してください。（詳細：{{details}}）',
  },
  hardware: {
    progress: '測定中…（{{percent}}完了）',
    failed: {
      run: 'ハードウェア診断を完了できませんでした。ほかのアプリを閉じて、もう一度お試しください。（詳細：{{details}}）',
      list: '保存した診断結果の一覧を読み込めませんでした。（詳細：{{details}}）',
    },
    starting: '診断を準備しています…',
    details: '詳細（技術者向け）',
    rowCount: '{{count}}行',
    provider: {
      cpu: 'CPU',
      webgpu: 'WebGPU',
      dml: 'DirectML',
      coreml: 'Core ML',
      cuda: 'CUDA',
      tensorrt: 'TensorRT',
    },
    rowNote: {
      'zeroed-dense': 'ゼロにした重みを通常の密な計算で実行（スパース計算用のソフトウェアがない場合の速度）',
      'sparse-kernel': 'スパース計算専用のカーネルで実行（ONNX Runtime、CPU、1スレッド）',
      'structured-2:4': '2:4構造化スパースのカーネルで実行',
      'upper-bound': '理想的なスパース計算で得られる速度の見積もり（スパース計算の実測ではない）',
      'same-as-unstructured': 'この実行環境には2:4の高速化経路がなく、50%の非構造化スパースと同等',
      unavailable: 'この機器では測定不可',
      unreliable: '（測定のばらつきが大きく、参考値）',
    },
    assumedSparsity: 'スパース率（%）',
    assumedSpeedup: '速度向上（倍）',
  },
  pruning: {
    fullRetrainNote: '全量の再学習（Mishraら、2021年）',
  },
  check: {
    assumedAt: 'スパース率{{sparsity}}での速度向上の仮定値',
  },
  library: {
    comparison: '比較',
    row: {
      level: '推奨',
      option: '評価した選択肢',
      probability: '費用を削減できる確率',
      confidence: '確信度',
      savings: '検討期間中の削減額',
      total: '総保有コスト',
      payback: '回収月',
      speedup: '採用した速度向上',
      optimal: '最適スパース率',
      data: '学習データ÷境目',
      requests: '1日あたりの推論回数',
      horizon: '検討期間',
    },
    months: '{{count}}か月',
    actionFailed: '操作を完了できませんでした。もう一度お試しください。繰り返す場合はアプリを再起動してください。（詳細：{{details}}）',
    kind: { scenario: 'シナリオ', benchmark: 'ハードウェア診断', fit: 'スケーリング則' },
  },
  /** 単位の中の通貨の書き方（円/時間）。 */
  currencyUnit: { JPY: '円', USD: 'ドル', EUR: 'ユーロ', GBP: 'ポンド', CNY: '元', KRW: 'ウォン' },
  /** 見積もりようのない小さな人日。 */
  lessThanTenthDay: '0.1未満',
  fit: {
    interval: '{{median}}（範囲：{{low}}〜{{high}}）',
  },
};
