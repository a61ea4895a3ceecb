import { getCollection, type CollectionEntry } from 'astro:content';
import { orderLessons } from '../content/lesson-order';

export type Lesson = CollectionEntry<'lessons'>;

/** Published lessons in course order (drafts only in `astro dev`), validated across files. */
export async function getLessons(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  const ordered = orderLessons(all);
  return import.meta.env.PROD ? ordered.filter((l) => !l.data.draft) : ordered;
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
