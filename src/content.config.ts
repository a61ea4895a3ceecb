import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/lesson-schema';
import { assignmentSchema } from './content/assignment-schema';
import { loadCourse } from './content/course';

// Lessons live outside src/ so authors find them at the top level: content/lessons/NN-slug.mdx.
const lessons = defineCollection({
  // LESSONS_DIR exists for the tests that prove bad frontmatter fails the build.
  loader: glob({ pattern: '*.mdx', base: process.env.LESSONS_DIR ?? './content/lessons' }),
  schema: lessonSchema,
});

// The course file (content/course.yaml or COURSE_CONFIG) is validated here, first, so a bad
// field stops the build before anything else; it names the folder of its assignments.
const course = loadCourse();

const assignments = defineCollection({
  loader: glob({ pattern: '*.md', base: course.assignmentsDir }),
  schema: assignmentSchema,
});

export const collections = { lessons, assignments };
