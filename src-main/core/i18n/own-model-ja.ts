/**
 * 「自社モデルを測定」（own-model benchmark）の日本語テキスト。ハードウェアのページと判断メモで使う。
 * index.ts で `ownModel` として登録し、キーは own-model-en.ts と同じにする（型で確認）。
 */
import type { ownModelEn } from './own-model-en.js';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const ownModelJa: Texts<typeof ownModelEn> = {
  title: '自社モデルを測定',
  intro:
    '技術担当者が書き出したONNXファイル（CNNやTransformer）を選んでください。このパソコンで、そのままの密モデル、各スパース率に枝刈りしたモデル、ONNX Runtimeにスパース計算用のカーネルがある場合はその方式で、処理時間を測ります。ファイルは読み取るだけで、変更も保存もしません。',
  choose: 'ONNXファイルを選ぶ…',
  chooseAnother: '別のファイルを選ぶ…',
  file: '{{file}}：{{size}}、パラメータ{{params}}個',
  family: {
    transformer: 'Transformer：ブロック内の全結合層を枝刈りします。',
    cnn: 'CNN：最初と最後を除く、すべての畳み込み層と全結合層を枝刈りします。',
    mlp: '全結合層のみのモデル：最初と最後を除くすべての層を枝刈りします。',
  },
  prunable: '枝刈りの対象は{{layers}}層、パラメータ{{params}}個（{{share}}）です。',
  noDefault: '既定の規則では、このモデルに枝刈りする層が見つかりません。下で「重みを持つすべての層」を選んでください。',
  ops: '演算ごとのパラメータ数：{{list}}',
  shapesTitle: '入力の形',
  shapesHint: 'モデルに大きさが決まっていない次元があります。各入力の形をすべて指定してください（例：1x128＝バッチ1、128トークン）。',
  shape: '{{name}}の形（{{dtype}}、モデル上：{{dims}}）',
  batch: 'バッチ（1回の実行で処理する件数）',
  layers: '枝刈りする層',
  layersDefault: 'スケーリング則が数える層（推奨）',
  layersAll: '重みを持つすべての層',
  pattern: '枝刈りのパターン',
  quick: '簡易測定（繰り返し回数を減らす）',
  run: 'このモデルを測定',
  running: '測定中：{{current}}',
  cancel: '中止',
  cancelled: '中止しました。表には完了した分だけを示しています。',
  resultTitle: '{{file}}の測定結果',
  resultMachine: '{{cpu}}で測定、バッチ{{batch}}、{{date}}。',
  columns: {
    provider: '実行環境',
    variant: '実行したもの',
    sparsity: 'スパース率',
    median: '処理時間（中央値）',
    spread: 'p10〜p90',
    throughput: '毎秒の処理件数',
    speedup: '速度向上',
    kind: '種類',
  },
  variant: {
    dense: '元の密モデル',
    'zeroed-dense': '枝刈りしたモデル（ゼロを含む）',
    'sparse-kernel': 'スパース計算用カーネル',
    'structured-2:4': '2:4カーネル',
    'upper-bound': '上限値',
  },
  kind: {
    measured: '実測値',
    estimate: '層ごとの実測からの推定値',
    unavailable: '利用不可',
    'upper-bound': '上限値',
    'same-as-unstructured': '50%非構造化と同等',
  },
  unreliable: '不安定',
  details: '測り方',
  outputChange: '密モデルに対する出力の変化（動作確認の目安であり、精度ではありません。枝刈り後の再学習はしていません）：{{list}}。',
  notFinite: '出力に非数値あり',
  placement: '演算を実行した場所：{{list}}。',
  use: 'この結果を判断に使う',
  inUse: 'この結果を判断に使っています。',
  memo: {
    model: '測定したモデル',
    modelValue: '{{file}}（SHA-256 {{hash}}…）、パラメータの{{share}}を枝刈り、バッチ{{batch}}',
    measuredOn:
      'ハードウェア診断は、当社のモデル{{file}}を本番機で測定したものである。密モデルと、パラメータの{{share}}をゼロにした枝刈りモデルを比較した（バッチ{{batch}}）。スパース計算用カーネルの数値は層ごとの実測からの推定値である。',
  },
};
