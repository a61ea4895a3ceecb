// A perceptron's decision boundary w0 + w1·x1 + w2·x2 = 0, solved for x2 (needs w2 ≠ 0).
function boundary(weights: number[]) {
  const [w0, w1, w2] = weights;
  return {
    slope: -w1 / w2,
    intercept: -w0 / w2,
    // The arrow (w1, w2) is perpendicular to the line and points into the output-1 side.
    normal: [w1, w2],
  };
}

// The AND weights from the text; try OR's [-0.5, 1, 1], or your own.
boundary([-1.5, 1, 1]);
