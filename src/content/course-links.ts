/**
 * A rehype plugin for lessons: a link to a lesson the course does not build (left out of
 * `lessons` in the course file) is rendered as plain text — its words stay, the link goes —
 * so an instructor can drop chapters without editing the others, and no page links to a page
 * that does not exist. Links to built lessons and to anything else are left alone.
 */
import { courseLessonIds, loadCourse, publishedLessonIds } from './course';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/** `../02-perceptron/`, `/course/02-perceptron/#boundary` → `02-perceptron`; else undefined. */
export function linkedLesson(href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined; // another site, mailto:, …
  const m = /(?:^|\/)(\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:[?#].*)?$/.exec(href);
  return m?.[1];
}

/** Rewrites, in place, links to lessons in `all` but not in `built` into <span>s. */
export function unlinkUnbuiltLessons(
  tree: HastNode,
  all: ReadonlySet<string>,
  built: ReadonlySet<string>,
): void {
  const visit = (node: HastNode) => {
    for (const child of node.children ?? []) visit(child);
    if (node.type !== 'element' || node.tagName !== 'a') return;
    const href = node.properties?.href;
    const lesson = typeof href === 'string' ? linkedLesson(href) : undefined;
    if (lesson && all.has(lesson) && !built.has(lesson)) {
      node.tagName = 'span';
      node.properties = { dataUnbuiltLesson: lesson };
    }
  };
  visit(tree);
}

export function rehypeCourseLinks() {
  const all = new Set(publishedLessonIds());
  const built = new Set(courseLessonIds(loadCourse(), [...all]));
  return (tree: HastNode) => unlinkUnbuiltLessons(tree, all, built);
}
