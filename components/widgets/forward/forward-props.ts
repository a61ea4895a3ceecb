/**
 * Props of the chapter 4 figures, as zod schemas with a description on every field (see
 * ../props.ts for why; `parseProps` there turns a bad prop into a build error).
 */
import { z } from 'astro/zod';

export const stepperProps = z
  .object({
    sizes: z
      .array(z.number().int().min(1).max(4))
      .min(2)
      .max(4)
      .default([2, 3, 2])
      .describe('Units per layer, input first: 2 to 4 layers of 1 to 4 units.'),
    seed: z.number().int().nonnegative().default(5).describe('Seed of the initial weights.'),
    x: z
      .array(z.number().min(-5).max(5))
      .default([1, 0.5])
      .describe('The input the walk starts with: one number in [−5, 5] per input unit.'),
    label: z
      .string()
      .min(1)
      .default('Forward propagation, one unit at a time')
      .describe('Accessible name of this instance; make it unique on the page.'),
  })
  .strict()
  .refine((p) => p.x.length === p.sizes[0], {
    message: 'x needs one number per input unit (sizes[0])',
    path: ['x'],
  });

export const sigmoidProps = z
  .object({
    w: z.number().min(-10).max(10).default(1).describe('The weight w at first, in [−10, 10].'),
    b: z.number().min(-8).max(8).default(0).describe('The bias b at first, in [−8, 8].'),
    x: z.number().min(-8).max(8).default(1).describe('The input x marked on the curve at first.'),
    exercise: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default('sigmoid')
      .describe('Id of the exercise whose solved function the student may draw on the figure.'),
    label: z
      .string()
      .min(1)
      .default('The logistic sigmoid')
      .describe('Accessible name of this instance; make it unique on the page.'),
  })
  .strict();

export type StepperProps = z.input<typeof stepperProps>;
export type SigmoidProps = z.input<typeof sigmoidProps>;
