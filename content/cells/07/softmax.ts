// Softmax of four logits, the naive way and the engine's way (shifted by the largest logit).
import { softmax } from '@engine';

const z = [2, 1, 0.5, -1];
const p = softmax(z);
console.log(
  'p̂ =',
  p,
  ' sum =',
  p.reduce((a, b) => a + b, 0),
);

// Adding a constant to every logit changes nothing …
console.log('shifted by 100:', softmax(z.map((v) => v + 100)));

// … which is what makes the shift safe. Without it, e^1000 overflows to Infinity:
const naive = (v: number[]) => {
  const e = v.map(Math.exp);
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};
({ naive: naive([1000, 1001, 1002]), shifted: softmax([1000, 1001, 1002]) });
