/**
 * Layers, all with one protocol: `forward`, `backward`, `parameters()` (micrograd's Module).
 *
 * State of a layer between calls: `forward` remembers its input (by reference) and writes its
 * output into a buffer it owns, one per batch size; `backward` reads that memory, overwrites
 * the gradients of its parameters with this batch's gradient and returns the gradient for its
 * input. So: call `backward` right after the `forward` it belongs to, and copy a returned
 * matrix if you need it after the next `forward`.
 */
import { type Activation, type ActivationName, getActivation } from './activations';
import { type InitName, initWeights } from './init';
import { addRowVector, gemm, sumColumns } from './kernels';
import { Matrix, shapeOf } from './matrix';
import type { Rng } from './rng';

/** A trainable tensor and the gradient of the loss with respect to it (same shape). */
export interface Parameter {
  readonly name: string;
  readonly value: Matrix;
  readonly grad: Matrix;
}

/** The protocol every layer implements. */
export interface Layer {
  readonly kind: 'linear' | 'activation';
  /** @param x [batch, in] @returns [batch, out] (owned by the layer; see the module comment) */
  forward(x: Matrix): Matrix;
  /**
   * @param gradOut ∂L/∂output [batch, out]
   * @returns ∂L/∂input [batch, in], or null when `needInputGrad` is false (first layer).
   */
  backward(gradOut: Matrix, needInputGrad?: boolean): Matrix | null;
  parameters(): Parameter[];
}

/** Reuses one output matrix per batch size, so a training step allocates nothing. */
class Buffers {
  private readonly byRows = new Map<number, Matrix>();
  constructor(private readonly cols: number) {}

  get(rows: number): Matrix {
    let m = this.byRows.get(rows);
    if (!m) {
      // A few sizes (train batch, last short batch, evaluation) are normal; many means misuse.
      if (this.byRows.size >= 8) this.byRows.clear();
      m = new Matrix(rows, this.cols);
      this.byRows.set(rows, m);
    }
    return m;
  }
}

/**
 * A fully-connected (linear) layer z = W·a + b, applied to a batch as Z = X·Wᵀ + b.
 *
 * In the lecture's notation W^(j) maps the activations of layer j to the pre-activations
 * z^(j+1) of layer j+1, with entry W_ik connecting unit k of layer j to unit i of layer j+1,
 * and column 0 multiplying the bias unit x0 = 1. Here `weight` is that matrix without
 * column 0 — shape [out, in], `weight.get(i − 1, k − 1)` = W_ik — and `bias` is the
 * column 0 as a row: shape [1, out], `bias.get(0, i − 1)` = W_i0.
 */
export class Linear implements Layer {
  readonly kind = 'linear';
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** [out, in] */
  readonly weight: Parameter;
  /** [1, out] */
  readonly bias: Parameter;
  private input: Matrix | null = null;
  private readonly outputs: Buffers;
  private readonly inputGrads: Buffers;

  /** Weights drawn with `init` (default 'xavier') from `rng`; biases start at 0. */
  constructor(inFeatures: number, outFeatures: number, rng: Rng, init: InitName = 'xavier') {
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight = param('weight', outFeatures, inFeatures);
    this.bias = param('bias', 1, outFeatures);
    initWeights(this.weight.value.data, inFeatures, outFeatures, init, rng);
    this.outputs = new Buffers(outFeatures);
    this.inputGrads = new Buffers(inFeatures);
  }

  forward(x: Matrix): Matrix {
    if (x.cols !== this.inFeatures) {
      throw new Error(
        `linear.forward: input ${shapeOf(x)} does not fit weight ${shapeOf(this.weight.value)} — expected ${this.inFeatures} columns`,
      );
    }
    this.input = x;
    const z = this.outputs.get(x.rows);
    gemm(
      x.data,
      this.weight.value.data,
      z.data,
      x.rows,
      this.inFeatures,
      this.outFeatures,
      false,
      true,
      false,
    );
    addRowVector(z.data, this.bias.value.data, x.rows, this.outFeatures);
    return z;
  }

  backward(gradOut: Matrix, needInputGrad = true): Matrix | null {
    const x = this.input;
    if (!x) throw new Error('linear.backward: call forward first');
    if (gradOut.rows !== x.rows || gradOut.cols !== this.outFeatures) {
      throw new Error(
        `linear.backward: gradient ${shapeOf(gradOut)} does not match output [${x.rows}×${this.outFeatures}]`,
      );
    }
    const n = x.rows;
    // ∂L/∂W = dZᵀ·X  [out, in];  ∂L/∂b = Σ_rows dZ  [1, out];  ∂L/∂X = dZ·W  [n, in]
    gemm(
      gradOut.data,
      x.data,
      this.weight.grad.data,
      this.outFeatures,
      n,
      this.inFeatures,
      true,
      false,
      false,
    );
    sumColumns(gradOut.data, this.bias.grad.data, n, this.outFeatures);
    if (!needInputGrad) return null;
    const dx = this.inputGrads.get(n);
    gemm(
      gradOut.data,
      this.weight.value.data,
      dx.data,
      n,
      this.outFeatures,
      this.inFeatures,
      false,
      false,
      false,
    );
    return dx;
  }

  parameters(): Parameter[] {
    return [this.weight, this.bias];
  }
}

/** Applies g elementwise: a = g(z). No parameters. */
export class ActivationLayer implements Layer {
  readonly kind = 'activation';
  readonly activation: Activation;
  private input: Matrix | null = null;
  private output: Matrix | null = null;
  private readonly outputs = new Map<number, Buffers>();

  constructor(name: ActivationName) {
    this.activation = getActivation(name);
  }

  forward(z: Matrix): Matrix {
    this.input = z;
    const a = this.buffer(z, 0);
    const g = this.activation.output;
    for (let i = 0; i < z.data.length; i++) a.data[i] = g(z.data[i]);
    this.output = a;
    return a;
  }

  backward(gradOut: Matrix): Matrix {
    const z = this.input;
    const a = this.output;
    if (!z || !a) throw new Error(`${this.activation.name}.backward: call forward first`);
    if (gradOut.rows !== z.rows || gradOut.cols !== z.cols) {
      throw new Error(
        `${this.activation.name}.backward: gradient ${shapeOf(gradOut)} does not match ${shapeOf(z)}`,
      );
    }
    const dz = this.buffer(z, 1);
    const { der, derFromOutput } = this.activation;
    // From the stored output when possible: sigmoid′ = a(1 − a) needs no second exp.
    if (derFromOutput) {
      for (let i = 0; i < z.data.length; i++)
        dz.data[i] = gradOut.data[i] * derFromOutput(a.data[i]);
    } else {
      for (let i = 0; i < z.data.length; i++) dz.data[i] = gradOut.data[i] * der(z.data[i]);
    }
    return dz;
  }

  parameters(): Parameter[] {
    return [];
  }

  // Width is only known at the first call, so buffers are keyed by width, then by rows.
  private buffer(like: Matrix, slot: number): Matrix {
    const key = like.cols * 2 + slot;
    let b = this.outputs.get(key);
    if (!b) {
      b = new Buffers(like.cols);
      this.outputs.set(key, b);
    }
    return b.get(like.rows);
  }
}

function param(name: string, rows: number, cols: number): Parameter {
  return { name, value: new Matrix(rows, cols), grad: new Matrix(rows, cols) };
}

/** Factory for `Linear` (Plot-style lowercase factory). */
export function linear(inFeatures: number, outFeatures: number, rng: Rng, init?: InitName): Linear {
  return new Linear(inFeatures, outFeatures, rng, init);
}

/** Factory for `ActivationLayer`. */
export function activation(name: ActivationName): ActivationLayer {
  return new ActivationLayer(name);
}
