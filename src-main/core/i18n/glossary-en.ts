/**
 * The plain-language glossary: each technical term the app or the memo shows, with two sentences
 * a managing director can read without an ML background. The app's ⓘ buttons (Term.svelte) and
 * the memo read the same entries; every key exists in both languages (glossary-ja.ts).
 */
export const glossaryEn = {
  sparsity: {
    term: 'Sparsity',
    text: 'The share of a model’s weights that are set to zero and no longer used. At 50 % sparsity, half of the weights are gone.',
  },
  sparsify: {
    term: 'Sparsify',
    text: 'Make a model lighter by setting part of its weights to zero. It only saves money if the machine that runs the model skips the zeros.',
  },
  optimalSparsity: {
    term: 'Optimal sparsity (S_opt)',
    text: 'The sparsity that gives the best quality for a given model size and training budget, according to the scaling law. At 0 %, a normal dense model is the better choice.',
  },
  pruning: {
    term: 'Pruning',
    text: 'The work of removing the least important weights, which is how a model is made sparse. It costs engineering time and extra training.',
  },
  nonzeroParams: {
    term: 'Non-zero parameters',
    text: 'The number of weights the model actually computes with, after the zeros are removed. It is the model’s effective size; only the Transformer blocks are counted.',
  },
  denseModel: {
    term: 'Dense model / baseline',
    text: 'A normal model with none of its weights set to zero. The baseline is the dense model you would otherwise train and run, against which every option is compared.',
  },
  tokens: {
    term: 'Tokens',
    text: 'The units in which an AI model reads text: pieces of words, roughly three quarters of an English word each. Training data and requests for language models are counted in tokens.',
  },
  tokensPerImage: {
    term: 'Tokens per image',
    text: 'A vision model cuts each image into small patches and reads each patch as one token. A 224×224 image in 16×16 patches gives 197 tokens (196 patches plus one summary token).',
  },
  trainingData: {
    term: 'Training data',
    text: 'The total amount of data the model learns from, counted in images or tokens. Sparsity pays only once a model is trained on much more data than a dense model of that size needs.',
  },
  dataThreshold: {
    term: 'Data threshold',
    text: 'The amount of training data above which a sparse model beats a dense one for the same training budget. Below it, sparsifying costs quality or money.',
  },
  scalingLaw: {
    term: 'Scaling law',
    text: 'A published formula that predicts a model’s quality from its size, its sparsity and the amount of training data. This app uses the one by Frantar et al. (2023), fitted on vision and language models.',
  },
  loss: {
    term: 'Predicted error (loss)',
    text: 'How far the model’s predictions are off; smaller is better. It measures quality, not money.',
  },
  equalQuality: {
    term: 'Equal quality',
    text: 'Every option is sized so that the scaling law predicts the same error as the baseline. The options then differ only in cost, not in how well the model works.',
  },
  fittedRange: {
    term: 'Fitted range',
    text: 'The model sizes, sparsities and data volumes of the experiments behind the scaling law. Inside it the predictions are backed by measurements.',
  },
  extrapolation: {
    term: 'Extrapolation',
    text: 'Applying the scaling law beyond the range of the experiments it was fitted on. The further out, the more likely the prediction is wrong.',
  },
  speedup: {
    term: 'Speed-up',
    text: 'How many times faster the sparse model runs than the same model run dense, on the same machine. ×1.3 means 30 % more work per hour, so a smaller inference bill.',
  },
  measured: {
    term: 'Measured',
    text: 'A figure timed by the hardware check on a real machine. It is only as good as that machine’s likeness to the deployment machine.',
  },
  upperBound: {
    term: 'Upper bound',
    text: 'The best an ideal sparse kernel could do, estimated from a smaller dense calculation. It is not a measurement of sparse computing and is rarely reached in practice.',
  },
  physicalBound: {
    term: 'Physical bound',
    text: 'The most a sparse model can speed up on any hardware, because only the weights in the Transformer blocks get lighter while the rest of the work stays. An assumed speed-up above it is refused, and a measured one is treated as timing noise.',
  },
  assumed: {
    term: 'Assumed',
    text: 'A value that was typed in, with no measurement or publication behind it. The app lowers its confidence when a decision rests on one.',
  },
  hardwareCheck: {
    term: 'Hardware check',
    text: 'A short measurement that times dense and sparse model layers on this computer. Run it, or load a run, on the deployment machine for figures that count.',
  },
  deploymentMachine: {
    term: 'Deployment machine',
    text: 'The server or line PC that actually runs the model in production. Only speed-ups measured there predict the saving.',
  },
  executionProvider: {
    term: 'Execution provider',
    text: 'The software layer that runs the model on a particular chip: CPU, CUDA or TensorRT for NVIDIA GPUs, DirectML, CoreML or WebGPU. The same model can be fast on one and slow on another.',
  },
  unstructured: {
    term: 'Unstructured sparsity',
    text: 'Any weight may be zero, wherever it sits. It gives the best quality but needs special software to run faster, which most machines lack.',
  },
  twoFour: {
    term: '2:4 structured sparsity',
    text: 'In every group of four weights exactly two are zero, a pattern that NVIDIA GPUs since the A100 can run up to about twice as fast. It is fixed at 50 % sparsity.',
  },
  flops: {
    term: 'FLOP/s',
    text: 'Floating-point operations per second: the raw arithmetic speed of a chip. The app uses it with the utilisation to turn a model’s work into hours of machine time.',
  },
  utilisation: {
    term: 'Utilisation',
    text: 'The share of a chip’s peak speed that real training or inference achieves, often 30–50 %. It is not the same as how many hours a day the machine is busy.',
  },
  retraining: {
    term: 'Retraining',
    text: 'Training again after pruning so that the model recovers its quality. It is charged as a share of the original training run.',
  },
  riskBuffer: {
    term: 'Risk buffer',
    text: 'An extra percentage on engineering effort, because such projects usually take longer than planned. It is added to the cost of every sparse option.',
  },
  inference: {
    term: 'Inference',
    text: 'The trained model doing its job: checking an image or answering a request. Over a long period its running cost is usually the largest item.',
  },
  horizon: {
    term: 'Horizon',
    text: 'The period over which costs and savings are added up. A longer horizon gives one-off pruning costs more time to pay back.',
  },
  taktTime: {
    term: 'Takt time',
    text: 'The time the line allows for each part. An option whose inspection takes longer would hold up the line, so it is never recommended.',
  },
  costOfOwnership: {
    term: 'Cost of ownership',
    text: 'Everything an option costs over the horizon: training, retraining, engineering and inference. The options are compared on this total.',
  },
  payback: {
    term: 'Payback',
    text: 'The month in which the savings have repaid the extra up-front cost. “Never” means it does not happen within the horizon.',
  },
  breakEven: {
    term: 'Break-even',
    text: 'The point at which extra cost and savings are exactly equal. A break-even speed-up or volume is the value an input must reach for the option to pay.',
  },
  switchingValue: {
    term: 'Switching value',
    text: 'How far one input would have to move, the others unchanged, for the recommendation to change. A switching value close to today’s value means a fragile decision.',
  },
  monteCarlo: {
    term: 'Monte Carlo simulation',
    text: 'The uncertain inputs are drawn at random within their ranges, and the costs computed again, 10,000 times. The share of these futures in which the option saves money is its probability.',
  },
  percentiles: {
    term: 'P10 / P50 / P90',
    text: 'In 10 % of the simulated futures the savings are below P10, in half below P50 (the median) and in 90 % below P90. P10 to P90 is the range that holds 8 futures in 10.',
  },
  likelihood: {
    term: 'Likelihood',
    text: 'The probability that the option saves money, in the IPCC’s words: “likely” means at least 66 %, “very likely” at least 90 %. It comes from the Monte Carlo simulation.',
  },
  confidence: {
    term: 'Confidence',
    text: 'How solid the evidence is, separate from the probability. It drops when speed-ups are assumed or upper bounds, or when the scaling law is extrapolated.',
  },
  tornado: {
    term: 'Sensitivity (tornado chart)',
    text: 'Each uncertain input is moved to the low and the high end of its range while the others stay put. The longest bars show the inputs that decide the answer.',
  },
  distribution: {
    term: 'Distribution (triangular / lognormal)',
    text: 'The shape of the uncertainty within a range. Triangular is most likely in the middle; lognormal allows a long tail of high values.',
  },
  presentValue: {
    term: 'Present value',
    text: 'A future amount expressed in today’s money, by discounting it at a yearly rate. A saving in two years is worth less than the same saving today.',
  },
  materiality: {
    term: 'Materiality',
    text: 'The amount below which a saving is too small to change a business decision. Options that save less than it are treated as equal.',
  },
  bootstrap: {
    term: 'Bootstrap',
    text: 'The law is refitted many times on resampled pilot runs. How much the results move shows how uncertain the fit is.',
  },
  rmse: {
    term: 'RMSE',
    text: 'The typical gap between the predicted and the measured error of the pilot runs. Smaller means the fitted law describes the runs more closely.',
  },
  medianTime: {
    term: 'Median time',
    text: 'The middle of many timed repetitions, in milliseconds. The median ignores the occasional slow run caused by something else on the machine.',
  },
} as const;
