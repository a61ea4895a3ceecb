import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/lesson-schema';

// Lessons live outside src/ so authors find them at the top level: content/lessons/NN-slug.mdx.
const lessons = defineCollection({
  // LESSONS_DIR exists for the tests that prove bad frontmatter fails the build.
  loader: glob({ pattern: '*.mdx', base: process.env.LESSONS_DIR ?? './content/lessons' }),
  schema: lessonSchema,
});

export const collections = { lessons };
