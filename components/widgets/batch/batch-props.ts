/**
 * Props of the chapter 5 figures, as zod schemas with a description on every field (see
 * ../props.ts; `parseProps` there turns a bad prop into a build error).
 */
import { z } from 'astro/zod';

const size = z.number().int().min(1).max(4);

export const batchProps = z
  .object({
    batch: size.default(3).describe('Examples in the batch (rows of X), 1 to 4.'),
    inputs: size.default(2).describe('Features per example (columns of X and of W), 1 to 4.'),
    units: size.default(2).describe('Output units (rows of W), 1 to 4.'),
    seed: z.number().int().nonnegative().default(2).describe('Seed of the entries of X, W and b.'),
    label: z
      .string()
      .min(1)
      .default('The batch product Z = XWᵀ + b')
      .describe('Accessible name of this instance; make it unique on the page.'),
  })
  .strict();

export const stackingProps = z
  .object({
    hidden: z
      .union([z.literal(2), z.literal(4), z.literal(8)])
      .default(4)
      .describe('Units per hidden layer: 2, 4 or 8.'),
    layers: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .default(1)
      .describe('Number of hidden layers: 1, 2 or 3.'),
    activation: z
      .enum(['none', 'sigmoid'])
      .default('none')
      .describe('The hidden layers’ activation at first: none (identity) or sigmoid.'),
    seed: z.number().int().nonnegative().default(1).describe('Seed of the data and the weights.'),
    label: z
      .string()
      .min(1)
      .default('Stacking layers, with and without an activation')
      .describe('Accessible name of this instance; make it unique on the page.'),
  })
  .strict();

export type BatchProps = z.input<typeof batchProps>;
export type StackingProps = z.input<typeof stackingProps>;
