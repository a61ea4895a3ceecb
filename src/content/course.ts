/**
 * Reading the instructor's files at build time and in the grader CLI: the course file
 * (`content/course.yaml`, or COURSE_CONFIG) and its assignments (`<course dir>/assignments/*.md`).
 * Node only (file system). Each problem is reported with the file, the field, what was
 * received and what was expected, all problems of a file at once.
 *
 * The course is read once per process and kept; a build or a grader run sees one course.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeIssues } from '../lib/zod-issues';
import {
  assignmentIdPattern,
  assignmentSchema,
  type AssignmentFrontmatter,
} from './assignment-schema';
import { courseSchema, type CourseConfig } from './course-schema';

export const DEFAULT_COURSE_FILE = 'content/course.yaml';

export interface Course {
  /** The course file, relative to the working directory when inside it. */
  file: string;
  config: CourseConfig;
  /** Absolute folder of the assignment files. */
  assignmentsDir: string;
}

/** The exercise fields assignments are checked against (the registry's Exercise has them). */
export interface ExerciseInfo {
  id: string;
  lesson: string;
  title: string;
  checks: readonly unknown[];
}

export interface AssignmentExercise {
  id: string;
  lesson: string;
  title: string;
  points: number;
}

export interface Assignment {
  id: string;
  file: string;
  title: string;
  /** The deadline as written (keeps the instructor's time zone). */
  dueIso: string;
  due: Date;
  lessons: string[];
  exercises: AssignmentExercise[];
  maxPoints: number;
  late: AssignmentFrontmatter['late'];
  solutions: AssignmentFrontmatter['solutions'];
}

export class CourseFileError extends Error {
  override name = 'CourseFileError';
}

/** A path as the instructor reads it: relative inside the project, absolute outside it. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') ? resolve(path) : rel;
};

function fail(file: string, what: string, problems: string[]): never {
  throw new CourseFileError(`Invalid ${what} ${shown(file)}:\n  - ${problems.join('\n  - ')}`);
}

/** Parses and validates a course file's text; `file` is only for messages and paths. */
export function parseCourse(text: string, file: string): Course {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (e) {
    fail(file, 'course file', [`not valid YAML (${(e as Error).message.split('\n')[0]})`]);
  }
  const result = courseSchema.safeParse(raw);
  if (!result.success)
    fail(
      file,
      'course file',
      describeIssues(result.error, raw).map((p) => `field ${p}`),
    );
  return {
    file: shown(file),
    config: result.data,
    assignmentsDir: resolve(dirname(file), result.data.assignments),
  };
}

let cached: Course | undefined;

/** The course of this build: COURSE_CONFIG when set, else content/course.yaml. */
export function loadCourse(path = process.env.COURSE_CONFIG || DEFAULT_COURSE_FILE): Course {
  const file = resolve(path);
  if (cached && resolve(cached.file) === file) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CourseFileError(
      `Cannot read the course file ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). ` +
        'Set COURSE_CONFIG to a course YAML file, or create content/course.yaml.',
    );
  }
  cached = parseCourse(text, file);
  return cached;
}

/**
 * Checks the course's lesson list against the lessons that exist, and returns the ids to
 * build, in course order. `published` is every published lesson id in `order`.
 */
export function courseLessonIds(course: Course, published: readonly string[]): string[] {
  const wanted = course.config.lessons;
  if (!wanted) return [...published];
  const known = new Set(published);
  const problems = wanted.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          `field lessons[${i}]: expected the id of a published lesson (one of: ${published.join(', ')}), received ${JSON.stringify(id)}`,
        ],
  );
  if (problems.length) fail(course.file, 'course file', problems);
  return [...wanted];
}

/** Splits `---\nyaml\n---\nbody` (the assignment files' layout). */
function frontmatter(text: string, file: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) fail(file, 'assignment', ['expected YAML frontmatter between two --- lines at the top']);
  try {
    return { data: parseYaml(m[1]) ?? {}, body: m[2] };
  } catch (e) {
    fail(file, 'assignment', [
      `frontmatter is not valid YAML (${(e as Error).message.split('\n')[0]})`,
    ]);
  }
}

/** Validates one assignment's frontmatter (the same schema the Astro collection uses). */
export function parseAssignmentFrontmatter(data: unknown, file: string): AssignmentFrontmatter {
  const result = assignmentSchema.safeParse(data);
  if (!result.success)
    fail(
      file,
      'assignment',
      describeIssues(result.error, data).map((p) => `field ${p}`),
    );
  return result.data;
}

/**
 * Checks an assignment against the course and the exercise registry, and works out its
 * exercises and points. Throws one error listing every problem.
 */
export function resolveAssignment(
  id: string,
  file: string,
  data: AssignmentFrontmatter,
  context: { lessons: readonly string[]; exercises: readonly ExerciseInfo[] },
): Assignment {
  const problems: string[] = [];
  if (!assignmentIdPattern.test(id))
    problems.push(`file name: expected kebab-case such as "a1-perceptron.md", received "${id}"`);
  data.lessons.forEach((lesson, i) => {
    if (!context.lessons.includes(lesson))
      problems.push(
        `field lessons[${i}]: expected a lesson of the course (one of: ${context.lessons.join(', ')}), received ${JSON.stringify(lesson)}`,
      );
  });
  const byId = new Map(context.exercises.map((e) => [e.id, e]));
  const ofLessons = context.exercises.filter((e) => data.lessons.includes(e.lesson));
  // Listed in the assignment's lesson order, then declaration order.
  ofLessons.sort((a, b) => data.lessons.indexOf(a.lesson) - data.lessons.indexOf(b.lesson));
  const ids = data.exercises ?? ofLessons.map((e) => e.id);
  (data.exercises ?? []).forEach((ex, i) => {
    const known = byId.get(ex);
    if (!known || !data.lessons.includes(known.lesson))
      problems.push(
        `field exercises[${i}]: expected an exercise of the lessons ${data.lessons.join(', ')} ` +
          `(one of: ${ofLessons.map((e) => e.id).join(', ') || 'none'}), received ${JSON.stringify(ex)}` +
          (known ? ` (it belongs to ${known.lesson})` : ''),
      );
  });
  if (ids.length === 0)
    problems.push(
      `field lessons: expected lessons with exercises, received ${data.lessons.join(', ')} (no exercises)`,
    );
  const points = data.points;
  if (typeof points === 'object') {
    for (const key of Object.keys(points))
      if (!ids.includes(key))
        problems.push(
          `field points: expected exercise ids of this assignment (${ids.join(', ')}), received "${key}"`,
        );
  }
  if (problems.length) fail(file, 'assignment', problems);
  const exercises = ids.map((ex) => {
    const e = byId.get(ex) as ExerciseInfo;
    const p = typeof points === 'number' ? points : (points[ex] ?? 1);
    return { id: ex, lesson: e.lesson, title: e.title, points: p };
  });
  return {
    id,
    file: shown(file),
    title: data.title,
    dueIso: data.due,
    due: new Date(data.due),
    lessons: data.lessons,
    exercises,
    maxPoints: exercises.reduce((s, e) => s + e.points, 0),
    late: data.late,
    solutions: data.solutions,
  };
}

/** Every assignment file of the course (`<id>.md`), read and validated, sorted by due date. */
export function loadAssignments(
  course: Course,
  context: { lessons: readonly string[]; exercises: readonly ExerciseInfo[] },
): Assignment[] {
  if (!existsSync(course.assignmentsDir)) return [];
  return readdirSync(course.assignmentsDir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const file = join(course.assignmentsDir, f);
      const { data } = frontmatter(readFileSync(file, 'utf8'), file);
      return resolveAssignment(
        basename(f, '.md'),
        file,
        parseAssignmentFrontmatter(data, file),
        context,
      );
    })
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.id.localeCompare(b.id));
}

/** Published lesson ids from a lessons folder, in `order` (for the CLI, outside Astro). */
export function publishedLessonIds(dir = process.env.LESSONS_DIR ?? 'content/lessons'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const { data } = frontmatter(readFileSync(join(dir, f), 'utf8'), join(dir, f));
      const d = data as { order?: number; draft?: boolean };
      return { id: basename(f, '.mdx'), order: Number(d.order), draft: d.draft === true };
    })
    .filter((l) => !l.draft)
    .sort((a, b) => a.order - b.order)
    .map((l) => l.id);
}
