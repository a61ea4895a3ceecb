import { describe, expect, it } from 'vitest';
import { forwardLayers, preActivation, sigmoid } from '../../src/engine';
import {
  XOR_LIKE_NET,
  checkLayerOutput,
  compareWithEngine,
  curves,
  endOfLayer,
  forwardSteps,
  knownValues,
  randomNet,
  readout,
  setWeight,
  sizesOf,
  slopeAt,
  switchPoint,
  xGrid,
} from '../../components/widgets/forward/forward-logic';
import {
  diagramSvg,
  matricesHtml,
  notationHtml,
  plainName,
  stepHtml,
  stepText,
} from '../../components/widgets/forward/forward-html';
import { stepperAction, type StepperState } from '../../components/widgets/forward/stepper-element';

describe('forward stepper logic', () => {
  it('walks z then a for every unit, with the engine’s numbers and every term', () => {
    const x = [0.5, -1];
    const steps = forwardSteps(XOR_LIKE_NET, x);
    const trace = forwardLayers(XOR_LIKE_NET, x);
    expect(steps.map((s) => `${s.kind}${s.layer}-${s.unit}`)).toEqual([
      'z2-1',
      'a2-1',
      'z2-2',
      'a2-2',
      'z3-1',
      'a3-1',
    ]);
    expect(steps.map((s) => s.value)).toEqual([
      trace.z[0][0],
      trace.a[1][0],
      trace.z[0][1],
      trace.a[1][1],
      trace.z[1][0],
      trace.a[2][0],
    ]);
    for (const s of steps.filter((t) => t.kind === 'z')) {
      expect(s.terms.reduce((sum, t) => sum + t.w * t.value, 0)).toBeCloseTo(s.value, 12);
      expect(s.terms[0].input).toBe('1');
    }
    expect(steps[4].terms.map((t) => t.input)).toEqual(['1', 'a_1^(2)', 'a_2^(2)']);
    expect(steps[0].terms.map((t) => t.key)).toEqual(['W1-1-0', 'W1-1-1', 'W1-1-2']);
  });

  it('feeds the student’s activations into the next layer when they are given', () => {
    const acts = [[0.25, 0.75], [0.5]];
    const steps = forwardSteps(XOR_LIKE_NET, [1, 0], acts);
    expect(steps[1].value).toBe(0.25);
    expect(steps[4].value).toBe(preActivation(XOR_LIKE_NET[1], [0.25, 0.75])[0]);
    expect(steps[5].value).toBe(0.5);
  });

  it('makes seeded weights of the right shapes and edits one weight without touching the rest', () => {
    const net = randomNet([2, 3, 2], 4);
    expect(sizesOf(net)).toEqual([2, 3, 2]);
    expect(net.map((W) => [W.length, W[0].length])).toEqual([
      [3, 3],
      [2, 4],
    ]);
    expect(randomNet([2, 3, 2], 4)).toEqual(net);
    expect(randomNet([2, 3, 2], 5)).not.toEqual(net);
    const edited = setWeight(net, 1, 0, 2, 9);
    expect(edited[1][0][2]).toBe(9);
    expect(net[1][0][2]).not.toBe(9);
    expect(edited[0]).toEqual(net[0]);
  });

  it('knows the inputs at first and each z and a once its step is done', () => {
    const steps = forwardSteps(XOR_LIKE_NET, [1, 0]);
    expect([...knownValues(steps, 0, [1, 0]).a.keys()]).toEqual(['1-1', '1-2']);
    const one = knownValues(steps, 1, [1, 0]);
    expect(one.z.get('2-1')).toBe(steps[0].value);
    expect(one.a.has('2-1')).toBe(false);
    expect(knownValues(steps, 6, [1, 0]).a.get('3-1')).toBe(steps[5].value);
  });

  it('the buttons: next, previous, run layer, show all, start over', () => {
    const net = randomNet([2, 3, 2], 4);
    const steps = forwardSteps(net, [1, 0.5]);
    const all: StepperState = {
      net,
      x: [1, 0.5],
      seed: 4,
      done: steps.length,
      walking: false,
      solved: false,
      mine: false,
      acts: null,
      actsFor: null,
      source: '',
    };
    expect(stepperAction(all, 'next', steps)).toMatchObject({ done: 1, walking: true });
    expect(stepperAction({ ...all, walking: true }, 'next', steps).done).toBe(10);
    expect(stepperAction({ ...all, done: 0, walking: true }, 'prev', steps).done).toBe(0);
    // Run layer: the 3 hidden units (6 steps), then the 2 outputs (4 more).
    expect(stepperAction({ ...all, done: 0, walking: true }, 'layer', steps).done).toBe(6);
    expect(stepperAction({ ...all, done: 3, walking: true }, 'layer', steps).done).toBe(6);
    expect(stepperAction({ ...all, done: 6, walking: true }, 'layer', steps).done).toBe(10);
    expect(endOfLayer(steps, 10)).toBe(10);
    expect(stepperAction({ ...all, done: 3, walking: true }, 'all', steps)).toMatchObject({
      done: 10,
      walking: false,
    });
    expect(stepperAction(all, 'restart', steps)).toMatchObject({ done: 0, walking: true });
  });

  it('accepts only a layer output of the right length of finite numbers', () => {
    expect(checkLayerOutput([0.1, 0.2], 2)).toEqual([0.1, 0.2]);
    expect(checkLayerOutput([0.1], 2)).toBe('it returned 1 numbers for a layer of 2 units');
    expect(checkLayerOutput(0.5, 1)).toBe('it returned number, not an array');
    expect(checkLayerOutput(undefined, 1)).toBe('it returned nothing, not an array');
    expect(checkLayerOutput([NaN], 1)).toBe('entry 0 of its output is NaN, not a finite number');
  });

  it('writes the lecture’s notation as HTML and each step as an equation with numbers', () => {
    expect(notationHtml('W^(1)_10')).toBe('<var>W</var><sup>(1)</sup><sub>10</sub>');
    expect(notationHtml('a_2^(3)')).toBe('<var>a</var><sub>2</sub><sup>(3)</sup>');
    expect(plainName('a_1^(2)')).toBe('a₁⁽²⁾');
    expect(plainName('W^(1)_10')).toBe('W⁽¹⁾₁₀');
    const [z] = forwardSteps(XOR_LIKE_NET, [1, 0]);
    expect(stepHtml(z).replace(/<[^>]+>/g, '')).toBe(
      'z1(2) = W(1)10·1 + W(1)11·x1 + W(1)12·x2 = (−5.0)·1.000 + 10.0·1.000 + 10.0·0.000 = 5.000',
    );
    expect(stepHtml(z)).toContain('<span class="fw-term" data-link="W1-1-0">');
    expect(stepText(z, 1, 6)).toBe('Step 1 of 6: z1 of layer 2 = 5.000.');
  });

  it('draws one edge per weight and one weight box per matrix entry', () => {
    const net = randomNet([2, 3, 2], 4);
    const svg = diagramSvg(net, 't');
    expect(svg.match(/<line /g)).toHaveLength(3 * 3 + 2 * 4);
    expect(svg.match(/role="button"/g)).toHaveLength(5);
    const html = matricesHtml(net);
    expect(html.match(/data-w="/g)).toHaveLength(17);
    expect(html).toContain('aria-label="W⁽²⁾₁₀, from 1 to a₁⁽³⁾"');
  });
});

describe('sigmoid explorer logic', () => {
  it('draws g(w·x + b) and the step on 161 points, with slope w·g·(1 − g)', () => {
    expect(xGrid()).toHaveLength(161);
    const c = curves(2, 1);
    expect(c.filter((p) => p.f === 'sigmoid').every((p) => p.g === sigmoid(2 * p.x + 1))).toBe(
      true,
    );
    expect(slopeAt(1, 0, 0)).toBe(0.25);
    expect(slopeAt(4, -4, 1)).toBe(1);
    expect(switchPoint(2, 1)).toBe(-0.5);
    expect(switchPoint(0, 1)).toBeNull();
    expect(readout(1, 0, 1)).toBe(
      `At x = 1.0: w·x + b = 1.00, g = ${sigmoid(1).toFixed(4)}, slope 0.1966, step = 1; it switches at x = 0.00.`,
    );
  });

  it('compares a student’s values with the engine and names the first bad point', () => {
    const right = xGrid().map((x) => sigmoid(2 * x - 1));
    expect(compareWithEngine(right, 2, -1).maxDiff).toBe(0);
    const shifted = right.map((v) => v + 1e-3);
    expect(compareWithEngine(shifted, 2, -1).maxDiff).toBeCloseTo(1e-3, 12);
    const broken = [...right];
    broken[100] = NaN;
    expect(compareWithEngine(broken, 2, -1).bad).toBeCloseTo(xGrid()[100], 12);
  });
});
