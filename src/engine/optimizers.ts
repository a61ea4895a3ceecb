/**
 * Optimizers, simplest first (tinygrad's optim.py order): SGD, SGD with momentum, Adam.
 * Each updates every parameter in place from its `grad`, which the last backward pass filled.
 *
 * State: momentum and Adam keep one (or two) float32 buffers per parameter, created on the
 * first step and keyed by the parameter object; Adam also counts its steps for bias
 * correction. Use a fresh optimizer for a fresh model.
 */
import type { Parameter } from './layers';

/** The optimizer protocol. */
export interface Optimizer {
  readonly name: 'sgd' | 'momentum' | 'adam';
  /** Apply one update to every parameter from its current gradient. */
  step(params: readonly Parameter[]): void;
}

/** Plain gradient descent: w ← w − lr·∂L/∂w. */
export function sgd(opts: { lr: number }): Optimizer {
  const { lr } = checkLr('sgd', opts);
  return {
    name: 'sgd',
    step(params) {
      for (const p of params) {
        const w = p.value.data;
        const g = p.grad.data;
        for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      }
    },
  };
}

/**
 * Gradient descent with (heavy-ball) momentum: v ← β·v + ∂L/∂w, w ← w − lr·v.
 * β defaults to 0.9: steps along a consistent direction grow up to 1/(1 − β) = 10×.
 */
export function momentum(opts: { lr: number; beta?: number }): Optimizer {
  const { lr } = checkLr('momentum', opts);
  const beta = opts.beta ?? 0.9;
  const velocity = new Map<Parameter, Float32Array>();
  return {
    name: 'momentum',
    step(params) {
      for (const p of params) {
        const v = stateFor(velocity, p);
        const w = p.value.data;
        const g = p.grad.data;
        for (let i = 0; i < w.length; i++) {
          v[i] = beta * v[i] + g[i];
          w[i] -= lr * v[i];
        }
      }
    },
  };
}

/**
 * Adam (Kingma & Ba, 2015): running means of the gradient (m) and of its square (v), both
 * bias-corrected, give each weight its own step size lr·m̂/(√v̂ + ε).
 */
export function adam(opts: {
  lr?: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}): Optimizer {
  const { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = opts;
  checkLr('adam', { lr });
  const m = new Map<Parameter, Float32Array>();
  const v = new Map<Parameter, Float32Array>();
  let t = 0;
  return {
    name: 'adam',
    step(params) {
      t++;
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      for (const p of params) {
        const mp = stateFor(m, p);
        const vp = stateFor(v, p);
        const w = p.value.data;
        const g = p.grad.data;
        for (let i = 0; i < w.length; i++) {
          mp[i] = beta1 * mp[i] + (1 - beta1) * g[i];
          vp[i] = beta2 * vp[i] + (1 - beta2) * g[i] * g[i];
          w[i] -= (lr * (mp[i] / c1)) / (Math.sqrt(vp[i] / c2) + eps);
        }
      }
    },
  };
}

export type OptimizerName = Optimizer['name'];

/** Build an optimizer by name (for configs and widgets). */
export function createOptimizer(
  name: OptimizerName,
  opts: { lr: number; beta?: number; beta1?: number; beta2?: number; eps?: number },
): Optimizer {
  if (name === 'sgd') return sgd(opts);
  if (name === 'momentum') return momentum(opts);
  if (name === 'adam') return adam(opts);
  throw new Error(`unknown optimizer '${String(name)}' — expected sgd, momentum or adam`);
}

function stateFor(map: Map<Parameter, Float32Array>, p: Parameter): Float32Array {
  let s = map.get(p);
  if (!s) {
    s = new Float32Array(p.value.data.length);
    map.set(p, s);
  }
  return s;
}

function checkLr<T extends { lr: number }>(name: string, opts: T): T {
  if (!(opts.lr > 0 && Number.isFinite(opts.lr))) {
    throw new Error(`${name}: lr must be a positive number, got ${opts.lr}`);
  }
  return opts;
}
