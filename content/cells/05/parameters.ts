// Counting parameters: a layer from n units to m units has n·m weights and m biases.
import { createRng, mlp } from '@engine';

function byHand(sizes: number[]): number {
  let total = 0;
  for (let j = 0; j + 1 < sizes.length; j++) total += (sizes[j] + 1) * sizes[j + 1];
  return total;
}

// The engine agrees: add up the sizes of every weight matrix and bias of a real network.
const sizes = [784, 128, 10];
const net = mlp({ sizes, activations: ['sigmoid', 'sigmoid'], rng: createRng(1) });
const engineCount = net.parameters().reduce((n, p) => n + p.value.data.length, 0);
({
  perLayer: net.parameters().map((p) => [p.name, p.value.shape.join('×')].join(' ')),
  byHand: byHand(sizes),
  engineCount,
});
