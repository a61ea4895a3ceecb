/**
 * The props of the lesson widgets as zod schemas (each field documented), so a bad prop in an
 * MDX file fails the build with a message that says what was received and what was expected.
 * The .astro components parse their props with `parseProps`; types come from the schemas.
 */
import { z } from 'astro/zod';

// zod 4 numbers are finite: NaN and ±Infinity are rejected.
const weight = z.number();
const gate = z.enum(['AND', 'OR', 'NAND', 'XOR']);

export const playgroundProps = z
  .object({
    weights: z
      .tuple([weight, weight, weight])
      .default([-0.5, 0.5, 0.5])
      .describe('Initial weights [w0, w1, w2], the bias w0 first.'),
    gate: gate.default('AND').describe('The gate whose four inputs are shown and scored.'),
    learn: z
      .boolean()
      .default(true)
      .describe('Show the learning-rule controls (step, play, reset, learning rate).'),
    lr: z
      .number()
      .positive()
      .max(10)
      .default(0.25)
      .describe(
        'Learning rate η of the perceptron rule, in (0, 10]. A power of two (the default 0.25) keeps every update exact in floating point, so the figure and a code cell agree to the last bit.',
      ),
    search: z
      .boolean()
      .default(false)
      .describe('Show a live random search over weight settings and its best score.'),
    seed: z.number().int().nonnegative().default(1).describe('Seed of the random search.'),
    label: z
      .string()
      .min(1)
      .default('Perceptron playground')
      .describe('Accessible name of this instance; make it unique on the page.'),
  })
  .strict();

export const gateTableProps = z
  .object({
    gate: gate.describe('The gate whose truth table is shown.'),
    weights: z
      .tuple([weight, weight, weight])
      .optional()
      .describe('When given, adds columns with the weighted sum z and the perceptron output y.'),
    caption: z.string().min(1).optional().describe('Table caption; default "<gate> truth table".'),
  })
  .strict();

export const trainerProps = z
  .object({
    hidden: z
      .union([z.literal(2), z.literal(4)])
      .default(2)
      .describe('Hidden units of the sigmoid MLP: 2 (2-2-1) or 4 (2-4-1).'),
    lr: z
      .number()
      .positive()
      .max(50)
      .default(2)
      .describe('Learning rate of full-batch gradient descent, in (0, 50].'),
    seed: z.number().int().nonnegative().default(1).describe('Seed of the initial weights.'),
    label: z
      .string()
      .min(1)
      .default('Train a network on XOR')
      .describe('Accessible name of this instance.'),
  })
  .strict();

export const networkProps = z
  .object({
    label: z
      .string()
      .min(1)
      .default('A two-layer network for XOR')
      .describe('Accessible name of this instance.'),
  })
  .strict();

export const softmaxExplorerProps = z
  .object({
    logits: z
      .array(z.number().min(-5).max(5))
      .min(4)
      .max(10)
      .default([2, 1, 0.5, -1])
      .describe('Initial logits, one per class: 4 to 10 numbers in [−5, 5] (the sliders’ range).'),
    temperature: z
      .number()
      .min(0.25)
      .max(4)
      .default(1)
      .describe('Initial temperature T in [0.25, 4]; the explorer shows softmax(z / T).'),
    label: z
      .string()
      .min(1)
      .default('Softmax explorer')
      .describe('Accessible name of this instance; make it unique on the page.'),
  })
  .strict();

export const logisticLabProps = z
  .object({
    preset: z
      .enum(['blobs', 'overlap', 'circle'])
      .default('blobs')
      .describe('The starting point set: two blobs, overlapping blobs, or a ring around a disc.'),
    seed: z.number().int().nonnegative().default(1).describe('Seed of the preset points.'),
    lr: z
      .number()
      .positive()
      .max(20)
      .default(1)
      .describe('Learning rate of full-batch gradient descent, in (0, 20].'),
    label: z
      .string()
      .min(1)
      .default('Logistic regression lab')
      .describe('Accessible name of this instance.'),
  })
  .strict();

export const figureProps = z
  .object({
    label: z.string().min(1).optional().describe('Accessible name of this instance.'),
  })
  .strict();

export type PlaygroundProps = z.input<typeof playgroundProps>;
export type GateTableProps = z.input<typeof gateTableProps>;
export type TrainerProps = z.input<typeof trainerProps>;
export type NetworkProps = z.input<typeof networkProps>;
export type SoftmaxExplorerProps = z.input<typeof softmaxExplorerProps>;
export type FigureProps = z.input<typeof figureProps>;
export type LogisticLabProps = z.input<typeof logisticLabProps>;

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path)
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * Validate a component's props, filling defaults; on failure throw one error that names the
 * component and, for each problem, the prop, what was expected and what was received.
 */
export function parseProps<S extends z.ZodType>(
  component: string,
  schema: S,
  props: unknown,
): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'props';
    const received =
      issue.code === 'unrecognized_keys'
        ? issue.keys.join(', ')
        : (JSON.stringify(at(props, issue.path)) ?? 'nothing');
    return `${where}: ${issue.message} (received ${received})`;
  });
  throw new Error(`<${component}>: ${problems.join('; ')}`);
}
