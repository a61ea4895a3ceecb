// Chapter 6's ten outputs for a "1", read as logits and passed through softmax, then scored.
import { crossEntropyFromLogits, softmax } from '@engine';

const z = [0.1, 0.5, 0.3, 0.2, 0.1, 0.8, 0.1, 0.2, 0.3, 0.1];
const label = 1; // the true digit (classes counted from 0 in code, so this is the "1")

const p = softmax(z);
console.log(
  'p̂ =',
  p.map((v) => Number(v.toFixed(4))),
);

// The three ways to write the same loss agree:
({
  minusLogOfTrueClass: -Math.log(p[label]),
  sumOverClasses: -p.reduce((s, pc, c) => s + (c === label ? 1 : 0) * Math.log(pc), 0),
  fromLogits: crossEntropyFromLogits(z, label),
});
