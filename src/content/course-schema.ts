import { z } from 'astro/zod';
import { lessonIdPattern } from './lesson-schema';

/**
 * When "Show solution" is offered: after a number of failed attempts at an exercise, or never
 * (the reference solutions are then not in the built pages at all).
 */
export const solutionsPolicySchema = z
  .union([
    z.literal('never').describe('No exercise offers its solution; none is written into the pages.'),
    z
      .object({
        'after-attempts': z
          .number()
          .int()
          .nonnegative()
          .describe('Failed attempts at an exercise before "Show solution" appears (0: at once).'),
      })
      .strict()
      .describe('Offer the solution after this many failed attempts, for every exercise.'),
  ])
  .describe(
    'When exercises offer their reference solution: `never`, or `{ after-attempts: 3 }`. ' +
      "Left out: each exercise's own setting (3 failed attempts unless the exercise says otherwise).",
  );

/**
 * The course an instructor builds (`content/course.yaml`, or the file named by COURSE_CONFIG).
 * Every field carries a description: it is the instructor's documentation, and the schema test
 * checks that none is missing.
 */
export const courseSchema = z
  .object({
    title: z
      .string()
      .min(1)
      .describe(
        'Course title, shown on the home page, e.g. "Introduction to Deep Neural Networks".',
      ),
    term: z
      .string()
      .min(1)
      .optional()
      .describe('Term or cohort shown under the title, e.g. "Spring 2027".'),
    lessons: z
      .array(z.string().regex(lessonIdPattern, 'a lesson id such as "02-perceptron"'))
      .min(1)
      .refine((ids) => new Set(ids).size === ids.length, 'each lesson listed once')
      .optional()
      .describe(
        'Lesson ids (file names in content/lessons without .mdx) in the order students read them. ' +
          'Only these lessons are built. Left out: every published lesson, in their `order`.',
      ),
    solutions: solutionsPolicySchema.optional(),
    assignments: z
      .string()
      .min(1)
      .default('assignments')
      .describe(
        'Folder of assignment files (<id>.md), relative to this course file. Default: ' +
          '`assignments`, i.e. content/assignments for content/course.yaml.',
      ),
  })
  .strict()
  .describe('The course: title, term, which lessons in which order, and the solutions policy.');

export type CourseConfig = z.infer<typeof courseSchema>;
export type SolutionsPolicy = z.infer<typeof solutionsPolicySchema>;
