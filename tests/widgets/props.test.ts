import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import {
  gateTableProps,
  networkProps,
  parseProps,
  playgroundProps,
  trainerProps,
} from '../../components/widgets/props';

describe('widget prop schemas', () => {
  it('document every field', () => {
    for (const schema of [playgroundProps, gateTableProps, trainerProps, networkProps]) {
      for (const [name, field] of Object.entries<z.ZodType>(schema.shape)) {
        expect(field.description, name).toMatch(/\w{3,}/);
      }
    }
  });

  it('fill defaults', () => {
    expect(parseProps('P', playgroundProps, {})).toEqual({
      weights: [-0.5, 0.5, 0.5],
      gate: 'AND',
      learn: true,
      lr: 0.25,
      search: false,
      seed: 1,
      label: 'Perceptron playground',
    });
    expect(parseProps('T', trainerProps, {})).toMatchObject({ hidden: 2, lr: 2, seed: 1 });
  });

  it.each([
    ['playground, lesson 2', playgroundProps, { weights: [-0.5, 1, 1], gate: 'AND', label: 'x' }],
    ['playground with search', playgroundProps, { gate: 'XOR', search: true, seed: 0 }],
    ['gate table with weights', gateTableProps, { gate: 'OR', weights: [-0.5, 1, 1] }],
    ['gate table alone', gateTableProps, { gate: 'XOR' }],
    ['trainer with 4 hidden units', trainerProps, { hidden: 4, lr: 0.5, seed: 3 }],
  ])('accept %s', (_name, schema, props) => {
    expect(schema.safeParse(props).success).toBe(true);
  });

  it.each([
    ['two weights', playgroundProps, { weights: [1, 2] }, /weights.*received \[1,2\]/],
    ['a NaN weight', playgroundProps, { weights: [1, Number.NaN, 2] }, /weights\.1/],
    ['an infinite weight', playgroundProps, { weights: [1, 2, Infinity] }, /weights\.2/],
    ['an unknown gate', playgroundProps, { gate: 'XNOR' }, /gate.*received "XNOR"/],
    ['a zero learning rate', playgroundProps, { lr: 0 }, /lr.*received 0/],
    ['a misspelt prop', playgroundProps, { weight: [1, 1, 1] }, /props: .*received weight/],
    ['a table without a gate', gateTableProps, {}, /gate.*received nothing/],
    ['3 hidden units', trainerProps, { hidden: 3 }, /hidden.*received 3/],
    ['a fractional seed', trainerProps, { seed: 1.5 }, /seed.*received 1.5/],
    ['an empty label', networkProps, { label: '' }, /label.*received ""/],
  ])('reject %s, saying what was received', (_name, schema, props, message) => {
    expect(() => parseProps('Widget', schema, props)).toThrow(/^<Widget>: /);
    expect(() => parseProps('Widget', schema, props)).toThrow(message);
  });
});
