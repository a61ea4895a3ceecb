// Counting parameters from the engine's own list of every weight matrix and bias of a real
// network. Compare each count with the rule in the text: n·m weights and m biases per layer.
import { createRng, mlp } from '@engine';

const sizes = [784, 128, 10];
const net = mlp({ sizes, activations: ['sigmoid', 'sigmoid'], rng: createRng(1) });
const params = net.parameters();
({
  perLayer: params.map((p) =>
    [p.name, p.value.shape.join('×'), '=', p.value.data.length].join(' '),
  ),
  engineCount: params.reduce((total, p) => total + p.value.data.length, 0),
});
