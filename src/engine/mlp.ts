/**
 * The multi-layer perceptron: Linear and activation layers alternating, built from a spec
 * such as `{ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'] }`.
 */
import type { ActivationName } from './activations';
import type { InitName } from './init';
import { ActivationLayer, type Layer, Linear, type Parameter } from './layers';
import { Matrix, shapeOf } from './matrix';
import type { Rng } from './rng';

/** How to build an MLP. */
export interface MlpSpec {
  /** Units per layer, input first: [2, 2, 1] is 2 inputs, one hidden layer of 2, 1 output. */
  sizes: number[];
  /** One activation per Linear layer (length sizes.length − 1). Use 'identity' for logits. */
  activations: ActivationName[];
  /** Draws the initial weights. */
  rng: Rng;
  /** Weight initialiser, default 'xavier'. */
  init?: InitName;
}

/** Every layer's pre-activation z and activation a for one batch. */
export interface ForwardTrace {
  /** z[l] [batch, sizes[l+1]]: the output of Linear layer l (lecture: z^(l+2)). */
  z: Matrix[];
  /** a[0] is the input [batch, sizes[0]]; a[l+1] = g(z[l]) [batch, sizes[l+1]]. */
  a: Matrix[];
}

export class MLP {
  readonly sizes: readonly number[];
  readonly activationNames: readonly ActivationName[];
  /** Linear, activation, Linear, activation, … */
  readonly layers: readonly Layer[];
  // Layers never change after construction, so the parameter list is built once; the
  // optimizer asks for it on every step.
  private readonly params: Parameter[];

  constructor(spec: MlpSpec) {
    const { sizes, activations: acts, rng, init = 'xavier' } = spec;
    if (sizes.length < 2 || sizes.some((s) => !(Number.isInteger(s) && s > 0))) {
      throw new Error(`mlp: sizes must be ≥ 2 positive integers, got [${sizes.join(', ')}]`);
    }
    if (acts.length !== sizes.length - 1) {
      throw new Error(
        `mlp: ${sizes.length - 1} Linear layers need ${sizes.length - 1} activations, got ${acts.length}`,
      );
    }
    this.sizes = [...sizes];
    this.activationNames = [...acts];
    const layers: Layer[] = [];
    for (let l = 0; l < acts.length; l++) {
      layers.push(new Linear(sizes[l], sizes[l + 1], rng, init));
      layers.push(new ActivationLayer(acts[l]));
    }
    this.layers = layers;
    this.params = layers.flatMap((l) => l.parameters());
  }

  /** The Linear layers in order (layer l maps sizes[l] → sizes[l+1]). */
  get linears(): Linear[] {
    return this.layers.filter((l): l is Linear => l instanceof Linear);
  }

  /**
   * Network output for a batch, as a fresh matrix the caller may keep.
   * @param x [batch, sizes[0]] @returns [batch, sizes.at(-1)]
   */
  forward(x: Matrix): Matrix {
    return this.forwardInPlace(x).clone();
  }

  /**
   * Like `forward` but returns the last layer's own buffer (valid until the next forward).
   * The training loop uses it so a step allocates nothing.
   */
  forwardInPlace(x: Matrix): Matrix {
    this.checkInput(x);
    let h = x;
    for (const layer of this.layers) h = layer.forward(h);
    return h;
  }

  /** Forward pass that keeps (copies of) every z and a, for widgets that show them. */
  forwardTrace(x: Matrix): ForwardTrace {
    this.checkInput(x);
    const z: Matrix[] = [];
    const a: Matrix[] = [x.clone()];
    let h = x;
    for (const layer of this.layers) {
      h = layer.forward(h);
      (layer.kind === 'linear' ? z : a).push(h.clone());
    }
    return { z, a };
  }

  /**
   * Backpropagate ∂L/∂output through every layer, filling each parameter's `grad`.
   * @param gradOut [batch, sizes.at(-1)]
   */
  backward(gradOut: Matrix): void {
    let g: Matrix | null = gradOut;
    for (let l = this.layers.length - 1; l >= 0 && g; l--) {
      // Nobody needs ∂L/∂input of the first layer; skipping it saves a third of the work.
      g = this.layers[l].backward(g, l > 0);
    }
  }

  /** Convenience for plain arrays: rows of inputs → rows of outputs. */
  predict(x: number[][]): number[][] {
    return this.forward(Matrix.fromRows(x)).toRows();
  }

  /** All trainable parameters, layer by layer (weight, then bias). A shared list: do not modify. */
  parameters(): Parameter[] {
    return this.params;
  }

  private checkInput(x: Matrix): void {
    if (x.cols !== this.sizes[0]) {
      throw new Error(
        `mlp.forward: input ${shapeOf(x)} — the network expects ${this.sizes[0]} columns`,
      );
    }
  }
}

/** Build an MLP from a spec (see `MlpSpec`). */
export function mlp(spec: MlpSpec): MLP {
  return new MLP(spec);
}
