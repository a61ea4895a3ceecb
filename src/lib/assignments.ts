import { getCollection, type CollectionEntry } from 'astro:content';
import { exercises } from '../notebook/exercises/index';
import { loadCourse, resolveAssignment, type Assignment } from '../content/course';
import { getLessons, withBase } from './lessons';

export type AssignmentEntry = CollectionEntry<'assignments'>;

/**
 * The course's assignments, checked against its lessons and the exercise registry (the same
 * `resolveAssignment` the grader uses), sorted by due date.
 */
export async function getAssignments(): Promise<
  { assignment: Assignment; entry: AssignmentEntry }[]
> {
  const course = loadCourse();
  const lessons = (await getLessons()).map((l) => l.id);
  const entries = await getCollection('assignments');
  return entries
    .map((entry) => ({
      entry,
      assignment: resolveAssignment(
        entry.id,
        entry.filePath ?? `${course.assignmentsDir}/${entry.id}.md`,
        entry.data,
        { lessons, exercises },
      ),
    }))
    .sort((a, b) => a.assignment.due.getTime() - b.assignment.due.getTime());
}

export function assignmentHref(id: string): string {
  return withBase(`assignments/${id}/`);
}
