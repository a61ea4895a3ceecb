// A softmax over two logits is a sigmoid of their difference; fixing the negative logit at 0
// gives logistic regression's σ(z).
import { sigmoid, softmax } from '@engine';

const zPositive = 1.2;
const zNegative = -0.3;

({
  softmaxOfTwo: softmax([zPositive, zNegative])[0],
  sigmoidOfDifference: sigmoid(zPositive - zNegative),
  // Adding the same number to both logits changes nothing:
  shiftedBy5: softmax([zPositive + 5, zNegative + 5])[0],
  // Logistic regression: the negative class's logit is the constant 0.
  logistic: softmax([zPositive, 0])[0],
  sigmoidOfZ: sigmoid(zPositive),
});
