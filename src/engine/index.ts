/**
 * The DNN Workbook engine: the one public entry point for widgets, code cells, graders,
 * scripts and tests. Pure TypeScript with no DOM, Node or Astro imports, so the same code
 * runs in Node, the page and a Web Worker. See README.md beside this file.
 */

// Matrices (float32, row-major) and their ops; raw kernels for the hot path.
export {
  Matrix,
  zeros,
  full,
  shapeOf,
  matmul,
  transpose,
  add,
  sub,
  mul,
  scale,
  map,
  zipWith,
  sumRows,
  maxRows,
  argmaxRows,
  assertSameShape,
} from './matrix';
export {
  gemm,
  addRowVector,
  sumColumns,
  transposeInto,
  useKernels,
  kernelBackend,
  type KernelBackend,
} from './kernels';
export { wasmMemoryBytes } from './kernels-wasm';
export {
  matmulBackward,
  transposeBackward,
  addBackward,
  subBackward,
  scaleBackward,
  mulBackward,
  mapBackward,
  sumRowsBackward,
  maxRowsBackward,
  softmaxRowsBackward,
  logSoftmaxRowsBackward,
} from './backward';

// Randomness: one seeded generator, passed in everywhere.
export { createRng, permutation, type Rng } from './rng';
export { initializers, initWeights, type InitName, type Initializer } from './init';

// Activations, softmax, layers, the MLP.
export {
  activations,
  getActivation,
  softmaxRows,
  logSoftmaxRows,
  logSoftmaxInto,
  logSumExp,
  type Activation,
  type ActivationName,
} from './activations';
export { Linear, ActivationLayer, linear, activation, type Layer, type Parameter } from './layers';
export { MLP, mlp, type MlpSpec, type ForwardTrace } from './mlp';

// Losses, optimizers, training.
export { losses, getLoss, bceOne, type Loss, type LossName } from './losses';
export {
  sgd,
  momentum,
  adam,
  createOptimizer,
  type Optimizer,
  type OptimizerName,
} from './optimizers';
export {
  trainStep,
  train,
  trainAsync,
  trainSteps,
  evaluate,
  accuracy,
  gatherRows,
  type TrainOptions,
  type TrainResult,
  type TrainData,
  type StepInfo,
  type EpochInfo,
  type CancelFlag,
} from './train';

// The perceptron and its learning rule.
export {
  perceptronOutput,
  perceptronSum,
  perceptronUpdate,
  stepNetworkForward,
  trainPerceptron,
  type PerceptronEpoch,
  type PerceptronResult,
} from './perceptron';

// Data: logic gates, 2-D toy sets, MNIST.
export {
  gates,
  blobs,
  circle,
  xorQuadrants,
  spiral,
  toySets,
  oneHot,
  toMatrices,
  type Dataset,
  type GateName,
  type ToyName,
  type ToyOptions,
} from './datasets';
export {
  parseMnist,
  parseMnistSplit,
  encodeMnist,
  fetchMnist,
  fetchBytes,
  mnistImage,
  mnistMatrices,
  subsetMnist,
  splitMnist,
  standardMnistSplit,
  MNIST_SPLIT,
  MNIST_DATA_PATHS,
  MNIST_MODEL_PATH,
  MNIST_MAGIC,
  MNIST_VERSION,
  MNIST_HEADER_BYTES,
  type MnistData,
  type MnistPart,
  type MnistSplit,
} from './mnist';
export {
  encodeModel,
  decodeModel,
  fetchModel,
  toFloat16Bits,
  fromFloat16Bits,
  ACTIVATION_CODES,
  MODEL_MAGIC,
  MODEL_VERSION,
} from './model-io';

// Forward propagation on plain arrays (float64), in the lecture's notation.
export { preActivation, forwardLayers, linearBatch, type PlainTrace } from './forward';

// The plain-vector facade (float64, plain arrays) used by lessons and graders.
export {
  step,
  sigmoid,
  softmax,
  logSoftmax,
  crossEntropy,
  crossEntropyFromLogits,
  crossEntropyGradFromLogits,
  binaryCrossEntropy,
  binaryCrossEntropyFromLogits,
  sumSquaredError,
} from './facade';

// Logistic regression on plain arrays (chapter 9).
export {
  logisticLogit,
  logisticProbability,
  logisticLoss,
  logisticGradient,
  logisticStep,
} from './logistic';
