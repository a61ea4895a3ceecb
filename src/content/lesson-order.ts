import type { LessonFrontmatter } from './lesson-schema';

/** The part of a collection entry the cross-lesson checks need. */
export interface LessonRecord {
  id: string;
  filePath?: string | undefined;
  data: LessonFrontmatter;
}

/**
 * Checks what one lesson's schema cannot see: orders are unique and every prerequisite names
 * a lesson that exists. Throws one error listing every problem, each naming the file, the
 * field, what was received and what was expected, so an author fixes them in one pass.
 * @returns the lessons sorted by `order`
 */
export function orderLessons<T extends LessonRecord>(lessons: readonly T[]): T[] {
  const problems: string[] = [];
  const where = (l: LessonRecord) => l.filePath ?? `content/lessons/${l.id}.mdx`;
  const byOrder = new Map<number, T>();
  const ids = new Set(lessons.map((l) => l.id));
  for (const lesson of lessons) {
    const clash = byOrder.get(lesson.data.order);
    if (clash) {
      problems.push(
        `${where(lesson)}: field "order" received ${lesson.data.order}, expected a number not ` +
          `used by another lesson (${where(clash)} already has order ${lesson.data.order})`,
      );
    } else {
      byOrder.set(lesson.data.order, lesson);
    }
    for (const prerequisite of lesson.data.prerequisites) {
      if (!ids.has(prerequisite)) {
        problems.push(
          `${where(lesson)}: field "prerequisites" received "${prerequisite}", expected the id ` +
            `of an existing lesson (one of: ${[...ids].sort().join(', ')})`,
        );
      } else if (prerequisite === lesson.id) {
        problems.push(
          `${where(lesson)}: field "prerequisites" received "${prerequisite}", expected ` +
            `another lesson's id (a lesson cannot be its own prerequisite)`,
        );
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`Invalid lesson frontmatter:\n  - ${problems.join('\n  - ')}`);
  }
  return [...lessons].sort((a, b) => a.data.order - b.data.order);
}
