import { z } from 'astro/zod';

/** A lesson id is its file name without `.mdx`, e.g. `02-perceptron`. */
export const lessonIdPattern = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Frontmatter of one lesson (`content/lessons/NN-slug.mdx`). Every field carries a
 * description: it is the author's documentation, and the schema test reads it.
 */
export const lessonSchema = z
  .object({
    title: z.string().min(1).describe('Chapter title shown in the sidebar, home page and <title>.'),
    order: z
      .number()
      .int()
      .positive()
      .describe('Position of the chapter in the course (1, 2, …); unique across lessons.'),
    summary: z
      .string()
      .min(1)
      .describe('One sentence shown under the title on the home page and in search results.'),
    objectives: z
      .array(z.string().min(1))
      .min(1)
      .describe('Learning objectives, each starting with a verb; listed at the top of the lesson.'),
    prerequisites: z
      .array(z.string().regex(lessonIdPattern, 'a lesson id such as "02-perceptron"'))
      .default([])
      .describe('Ids of lessons to read first (file names without .mdx); each must exist.'),
    minutes: z
      .number()
      .int()
      .positive()
      .max(600)
      .describe('Estimated reading and exercise time in minutes.'),
    draft: z
      .boolean()
      .default(false)
      .describe('Drafts are left out of production builds (shown by `astro dev`).'),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
