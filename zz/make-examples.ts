import { readFileSync, writeFileSync } from 'node:fs';
import { readScenario } from '../src-main/core/roi/scenario-migrate.js';
import { parseScenario, type Scenario, type Source } from '../src-main/core/roi/scenario.js';
import { DEFAULT_DISCOUNT_RATE } from '../src-main/core/roi/defaults.js';

type L = 'en' | 'ja';
const DATE = '2026-11-29';
const src = (kind: Source['kind'], en: string, ja: string) => (l: L): Source => ({ kind, note: l === 'en' ? en : ja, date: DATE });
const ex = (en: string, ja: string) => src('example', en, ja);
const as = (en: string, ja: string) => src('assumed', en, ja);
const v1 = (name: string, l: L) => readScenario(JSON.parse(readFileSync(`test/fixtures/scenarios-v1/${name}.${l}.json`, 'utf8')));
const discount = (l: L) => ({
  ...DEFAULT_DISCOUNT_RATE,
  source: src('default',
    '4 %/year, the social discount rate of Japan’s MLIT cost-benefit guideline (2008); replace with the company’s hurdle rate',
    '年4%（国土交通省「公共事業評価の費用便益分析に関する技術指針（共通編）」の社会的割引率、2008年）。自社の目標収益率に置き換えること')(l),
});

function internalDocuments(l: L): Scenario {
  const s = v1('internal-documents', l);
  s.architecture = { kind: 'encoder-decoder', source: ex('a T5-style encoder-decoder model', 'T5型のエンコーダ・デコーダモデル')(l) };
  s.baseline.passes = { value: 1, unit: 'passes', source: ex('pre-training corpus and internal documents, each seen once', '事前学習コーパスと社内文書をそれぞれ1回ずつ学習')(l) };
  s.data.costPerUnit = { value: 0, unit: 'currency/unit', source: ex('more public text is free under its licence', '追加の公開テキストはライセンス上無償')(l) };
  s.training.gpus = { value: 16, unit: 'GPUs', source: ex('two rented 8-GPU servers', 'レンタルの8GPUサーバー2台')(l) };
  if (s.deployment.kind !== 'metered') throw new Error('metered');
  s.deployment.unitsPerRequest = { value: 1200, unit: 'tokens/request', source: ex('retrieved passages and the question', '検索した文書と質問')(l) };
  s.deployment.outputTokensPerRequest = { value: 300, unit: 'tokens/request', source: ex('the generated answer', '生成する回答')(l) };
  s.deployment.speedup = {
    source: 'assumed', provider: 'tensorrt', benchmarkId: null, useUpperBound: false, publishedTarget: null,
    assumed: [{ sparsity: 0.5, value: 1.3, low: 1.1, high: 1.5, source: as(
      'no measurement on the deployment GPU yet: 2:4 gains on the matrix products shrink to 1.1–1.3× end to end (published figures A2, A10–A12)',
      '本番GPUでは未測定。2:4による行列積の高速化は、モデル全体では1.1〜1.3倍に縮む（公表値A2、A10〜A12）')(l) }],
  };
  s.decision.discountRate = discount(l);
  s.uncertainty.ranges = { requestsPerDay: { low: 250_000, high: 600_000, distribution: 'lognormal', source: ex('adoption could go either way', '利用の広がりはどちらにも振れうる')(l) } };
  return s;
}

function visualInspection(l: L): Scenario {
  const s = v1('visual-inspection', l);
  s.name = l === 'en' ? 'Visual inspection on the factory line' : '製造ラインの外観検査';
  s.description = l === 'en'
    ? 'A ViT-B/16 classifier, already trained, inspects every part on eight production lines, each with its own line PC. Volume grows and two new lines start in month 9. Will the line PCs keep up, and would pruning the model save buying new ones?'
    : '学習済みのViT-B/16分類モデルが、8本の製造ラインで全部品を検査している（各ラインにラインPCが1台）。生産量は増え、9か月目に2ラインが新設される。ラインPCの処理能力は足りるか、モデルを枝刈りすればラインPCの買い増しを避けられるか。';
  s.baseline.status = 'trained';
  s.baseline.uniqueData = { value: 20e6, unit: 'images', source: ex('labelled inspection images collected since 2023', '2023年から収集したラベル付き検査画像')(l) };
  s.baseline.passes = { value: 90, unit: 'passes', source: ex('90 epochs over the labelled images', 'ラベル付き画像を90エポック学習')(l) };
  s.data.available = { value: 30e6, unit: 'images', source: ex('10 million more images could be labelled', 'さらに1,000万枚にラベルを付けられる')(l) };
  s.data.costPerUnit = { value: 3, unit: 'currency/unit', source: ex('labelling quote per image', '画像1枚あたりのラベル付け見積もり')(l) };
  s.training.gpus = { value: 8, unit: 'GPUs', source: ex('one rented 8-GPU server', 'レンタルの8GPUサーバー1台')(l) };
  s.pruning.retrainData = { value: 200e6, unit: 'images', source: as('ten passes over the labelled images to recover accuracy after pruning', '枝刈り後の精度回復に、ラベル付き画像を10エポック再学習')(l) };
  const d = s.deployment;
  const lines = [1.9, 1.7, 2.0, 1.6, 1.8, 2.1, 1.5, 1.9].map((rps, i) => ({
    name: l === 'en' ? `Line ${i + 1}` : `ライン${i + 1}`, devices: 1, deviceAgeMonths: [40, 40, 28, 28, 16, 16, 4, 4][i]!, peakRequestsPerSecond: rps,
  }));
  s.deployment = {
    kind: 'fleet',
    unitsPerRequest: d.unitsPerRequest,
    outputTokensPerRequest: { value: 0, unit: 'tokens/request', source: src('default', 'a vision model generates no tokens', '画像モデルはトークンを生成しない')(l) },
    horizonMonths: { value: 36, unit: 'months', source: ex('the line PC replacement cycle', 'ラインPCの更新周期')(l) },
    growthPerMonth: { value: 0.01, unit: 'fraction/month', source: ex('production plan', '生産計画')(l) },
    speedup: { source: 'measured', provider: 'cpu', benchmarkId: '89be4ce6-8b8a-48a9-ac51-72fc05ce43b0', useUpperBound: false, publishedTarget: null, assumed: [] },
    lines,
    steps: [{ month: 9, name: l === 'en' ? 'two new lines' : '2ライン新設', addLines: 2, peakRequestsPerSecondPerLine: 1.8 }],
    latencyBudgetMs: { value: 450, unit: 'ms', source: ex('takt time per part, less handling', '部品1個あたりのタクトタイム（搬送時間を除く）')(l) },
    maxUtilisation: { value: 0.8, unit: 'fraction', source: as('plan line PCs to 80 % of their throughput, leaving headroom for peaks', 'ラインPCは処理能力の80%までで計画し、ピークに余裕を残す')(l) },
    devicePrice: { value: 350_000, unit: 'currency/device', source: ex('industrial PC with installation and validation', '設置・検証込みの産業用PC')(l) },
    deviceLifeMonths: { value: 60, unit: 'months', source: ex('five-year depreciation', '5年償却')(l) },
    powerWatts: { value: 120, unit: 'W/device', source: ex('line PC under load', '稼働時のラインPC')(l) },
    electricityPrice: { value: 30, unit: 'currency/kWh', source: ex('industrial tariff', '産業用電力単価')(l) },
    hoursPerDay: { value: 20, unit: 'hours/day', source: ex('two shifts', '2交替')(l) },
    throughput: {
      requestsPerSecond: 3, latencyMs: 330, kind: 'entered', benchmarkId: null,
      source: ex('timed by the line integrator on today’s line PC with today’s model', 'ラインの設備業者が現行ラインPCと現行モデルで計測')(l),
    },
  };
  s.decision.discountRate = discount(l);
  s.uncertainty.ranges = {
    demandScale: { low: 0.85, high: 1.2, distribution: 'triangular', source: ex('production plan, low and high case', '生産計画の下振れ・上振れケース')(l) },
    engineeringDays: { low: 20, high: 60, distribution: 'lognormal', source: ex('team estimate', 'チームの見積もり')(l) },
  };
  return s;
}

function existingLanguageModel(l: L): Scenario {
  const s = internalDocuments(l);
  s.name = l === 'en' ? 'Existing support model on rented GPUs' : 'レンタルGPUで運用中のサポート用言語モデル';
  s.description = l === 'en'
    ? 'A T5-style model, trained last year, answers customer-support questions on rented A100 GPUs. The vendor proposes 2:4 pruning with TensorRT. Should we prune the model we have and retrain it, or keep it?'
    : '昨年学習したT5型モデルが、レンタルのA100 GPU上で顧客サポートの質問に回答している。ベンダーはTensorRTによる2:4の枝刈りを提案している。現行モデルを枝刈りして再学習すべきか、現行のまま使い続けるべきか。';
  s.baseline.status = 'trained';
  s.baseline.uniqueData = { value: 2e11, unit: 'tokens', source: ex('pre-training corpus and support tickets', '事前学習コーパスとサポート問い合わせ履歴')(l) };
  s.data.available = { value: 4e11, unit: 'tokens', source: ex('public text the licence allows', 'ライセンス上利用できる公開テキスト')(l) };
  s.pruning.retrainData = { value: 1.3e10, unit: 'tokens', source: src('published', '13 billion tokens, as Neural Magic used to recover Sparse-Llama-3.1-8B-2of4 (published figure E6)', 'Neural MagicがSparse-Llama-3.1-8B-2of4の精度回復に用いた130億トークン（公表値E6）')(l) };
  if (s.deployment.kind !== 'metered') throw new Error('metered');
  s.deployment.requestsPerDay = { value: 300_000, unit: 'requests/day', source: ex('support questions per day', '1日あたりのサポート問い合わせ')(l) };
  s.deployment.pricePerHour = { value: 450, unit: 'currency/hour', source: ex('rented A100 GPU-hour', 'レンタルA100の1時間料金')(l) };
  s.deployment.peakFlops = { value: 312e12, unit: 'FLOP/s', source: src('default', 'NVIDIA A100 datasheet: 312 TFLOP/s dense BF16', 'NVIDIA A100データシート：密BF16で312TFLOP/s')(l) };
  s.deployment.utilisation = { value: 0.05, unit: 'fraction', source: as('token-by-token generation keeps the GPU far below peak', '逐次生成のため、GPUはピーク性能を大きく下回る')(l) };
  s.deployment.speedup = { source: 'published', provider: 'tensorrt', benchmarkId: null, useUpperBound: false, publishedTarget: 'a100-2of4', assumed: [] };
  s.sparsity = { candidates: [0.5], includeOptimal: false, pattern: '2:4' };
  s.uncertainty.ranges = { requestsPerDay: { low: 200_000, high: 450_000, distribution: 'triangular', source: ex('support volume, low and high case', '問い合わせ件数の下振れ・上振れケース')(l) } };
  return s;
}

/** Labels every migrated source as the example's own. */
function relabel(s: Scenario, l: L): Scenario {
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const source = o.source as Source | undefined;
    if (source && source.kind === 'migrated') throw new Error(`migrated source left: ${JSON.stringify(o).slice(0, 120)}`);
    if (source && source.date === '2026-11-27') source.date = DATE;
    Object.values(o).forEach(walk);
  };
  walk(s);
  return s;
}

for (const l of ['en', 'ja'] as const) {
  for (const [name, make] of [['internal-documents', internalDocuments], ['visual-inspection', visualInspection], ['existing-language-model', existingLanguageModel]] as const) {
    let s = make(l);
    if (s.pruning.retrainData.source?.kind === 'migrated') s.pruning.retrainData = { ...s.pruning.retrainData, source: as('retrain on a quarter of the original data', '元の学習データの4分の1で再学習')(l) };
    if (s.architecture.source?.kind === 'migrated') s.architecture = { ...s.architecture, source: ex('a Vision Transformer encodes each image once', 'Vision Transformerは画像ごとに1回エンコードする')(l) };
    s = relabel(s, l);
    if (l === 'ja') s = JSON.parse(JSON.stringify(s).replace(/(\d) (%|層|億|万|件|枚|か月|倍|人日)/g, '$1$2').replace(/([\u3040-\u30ff\u4e00-\u9fff]) ([A-Za-z0-9])/g, '$1$2').replace(/([A-Za-z0-9]) ([\u3040-\u30ff\u4e00-\u9fff])/g, '$1$2'));
    parseScenario(s);
    writeFileSync(`resources/scenarios/${name}.${l}.json`, `${JSON.stringify(s, null, 2)}\n`);
  }
}
