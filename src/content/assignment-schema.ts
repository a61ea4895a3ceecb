import { z } from 'astro/zod';
import { lessonIdPattern } from './lesson-schema';

/** ISO 8601 date and time with a time zone: `2027-03-14T23:59:00+01:00` or `…Z`. */
const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A refusal message that carries what was received: Astro prints a custom message as it is,
 * and the instructor should see both (the grader's messages strip it and add their own).
 */
const saying = (expected: string) => ({
  error: (issue: { input?: unknown }) =>
    `expected ${expected}, received ${JSON.stringify(issue.input)}`,
});

/** An assignment id is its file name without `.md`, e.g. `a1-perceptron`. */
export const assignmentIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Frontmatter of an assignment (`content/assignments/<id>.md`); the body holds the
 * instructions. Every field carries a description (the instructor's documentation).
 */
export const assignmentSchema = z
  .object({
    title: z.string().min(1).describe('Title shown on the assignment page and the home page.'),
    due: z
      .string()
      // The messages carry what was received: Astro prints a custom message as it is.
      .regex(
        isoWithZone,
        saying('an ISO 8601 date and time with a time zone such as "2027-03-14T23:59:00+01:00"'),
      )
      .refine((s) => !Number.isNaN(Date.parse(s)), saying('a real date and time'))
      .describe(
        'Deadline, ISO 8601 with a time zone, e.g. "2027-03-14T23:59:00+01:00" (quote it in YAML). ' +
          'Students see it in their own local time, with a countdown.',
      ),
    lessons: z
      .array(z.string().regex(lessonIdPattern, saying('a lesson id such as "02-perceptron"')))
      .min(1)
      .describe('Lessons the assignment covers; each must be in the course.'),
    exercises: z
      .array(
        z.string().regex(assignmentIdPattern, saying('an exercise id such as "and-gate-weights"')),
      )
      .min(1)
      .refine((ids) => new Set(ids).size === ids.length, 'each exercise listed once')
      .optional()
      .describe(
        'Exercise ids graded in this assignment, each from one of its lessons (see ' +
          '`npm run grade -- --list`). Left out: every exercise of those lessons.',
      ),
    points: z
      .union([
        z.number().positive().describe('Points for every exercise.'),
        z
          .record(z.string(), z.number().nonnegative())
          .describe('Points by exercise id; exercises not named are worth 1.'),
      ])
      .default(1)
      .describe(
        'Points an exercise earns when all its checks pass: one number for all, or a map ' +
          'id → points. Default 1 each.',
      ),
    late: z
      .enum(['accept', 'refuse'], saying('one of "accept", "refuse"'))
      .default('accept')
      .describe(
        'A submission exported after the deadline: `accept` grades it and flags it late; ' +
          '`refuse` gives it 0 points with the reason.',
      ),
    solutions: z
      .enum(['after-due', 'never', 'as-course'], saying('one of "after-due", "never", "as-course"'))
      .default('as-course')
      .describe(
        "Solutions of this assignment's exercises: `after-due` (none in pages built before the " +
          'deadline; rebuild after it), `never`, or `as-course` (the course file decides).',
      ),
  })
  .strict()
  .describe('An assignment: deadline, exercises, points, late policy and solutions.');

export type AssignmentFrontmatter = z.infer<typeof assignmentSchema>;
