import { getCollection, type CollectionEntry } from 'astro:content';
import { orderLessons } from '../content/lesson-order';
import { courseLessonIds, loadCourse } from '../content/course';

export type Lesson = CollectionEntry<'lessons'>;

/**
 * The lessons this course builds, in course order: the course file's `lessons` list, or every
 * published lesson (drafts only in `astro dev`) in `order` when it has none. A lesson the
 * course leaves out gets no page and is in no list, navigation or search.
 */
export async function getLessons(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  const ordered = orderLessons(all);
  const published = import.meta.env.PROD ? ordered.filter((l) => !l.data.draft) : ordered;
  const byId = new Map(published.map((l) => [l.id, l]));
  return courseLessonIds(loadCourse(), [...byId.keys()]).map((id) => byId.get(id) as Lesson);
}

/** The URL of a lesson page, under the configured base path. */
export function lessonHref(id: string): string {
  return withBase(`${id}/`);
}

/** Prefixes a site-relative path with the base path (BASE_PATH), e.g. `/course/` + `x/`. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.endsWith('/')
    ? import.meta.env.BASE_URL
    : `${import.meta.env.BASE_URL}/`;
  return `${base}${path.replace(/^\/+/, '')}`;
}
