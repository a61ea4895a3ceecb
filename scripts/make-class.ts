/**
 * Writes a class of synthetic submissions for an assignment, to try and time the grader:
 *
 *   npm run make-class -- --assignment a1-perceptron --students 200 --out /tmp/class
 *   npm run grade -- --assignment a1-perceptron --progress /tmp/class/*.json --csv /tmp/gb.csv
 *
 * Each student's answer to each exercise is, by a seeded draw: the reference solution
 * (src/notebook/exercises/solutions/), one of the exercise's misconception examples (a named
 * wrong answer), the starter, or nothing. `--loops k` makes k answers infinite loops (each
 * costs the full time limit). Deterministic for a given --seed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exercises } from '../src/notebook/exercises/index';
import { loadAssignments, loadCourse, publishedLessonIds } from '../src/content/course';
import { EXPORT_FORMAT, SCHEMA } from '../src/notebook/progress-schema';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

/** A small seeded generator (mulberry32), so the same class comes out every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const course = loadCourse(process.argv.includes('--course') ? arg('course', '') : undefined);
const lessons = course.config.lessons ?? publishedLessonIds();
const id = arg('assignment', '');
const assignment = loadAssignments(course, { lessons, exercises }).find((a) => a.id === id);
if (!assignment) {
  console.error(`usage: npm run make-class -- --assignment <id> [--students 200] [--out dir]`);
  process.exit(2);
}
const students = Number(arg('students', '200'));
const out = arg('out', 'class');
const loops = Number(arg('loops', '0'));
const rand = random(Number(arg('seed', '1')));
const submittedAt = new Date(assignment.due.getTime() - 3600_000);
mkdirSync(out, { recursive: true });

let loopsLeft = loops;
for (let s = 1; s <= students; s++) {
  const studentId = `S${String(s).padStart(4, '0')}`;
  const records: Record<string, unknown> = {};
  for (const a of assignment.exercises) {
    const ex = exercises.find((e) => e.id === a.id)!;
    const draw = rand();
    const wrong = ex.misconceptions.filter((m) => !m.detect);
    let code: string | undefined;
    if (loopsLeft > 0 && draw < 0.01) {
      loopsLeft--;
      code = `${ex.starter}\nwhile (true) {}\n`;
    } else if (draw < 0.6)
      code = readFileSync(`src/notebook/exercises/solutions/${a.id}.ts`, 'utf8');
    else if (draw < 0.8 && wrong.length) code = wrong[Math.floor(rand() * wrong.length)].example;
    else if (draw < 0.95) code = ex.starter;
    if (code === undefined) continue;
    records[a.id] = {
      code,
      version: ex.version,
      status: 'attempted',
      attempts: 1,
      failed: 1,
      hintsShown: 0,
      lastScore: 0,
      bestScore: 0,
      savedAt: submittedAt.getTime(),
    };
  }
  const file = {
    format: EXPORT_FORMAT,
    exportedAt: submittedAt.toISOString(),
    progress: { schema: SCHEMA, cells: {}, exercises: records },
    assignment: assignment.id,
    student: { name: `Student ${s}`, id: studentId },
  };
  writeFileSync(join(out, `${assignment.id}-${studentId}.json`), JSON.stringify(file, null, 2));
}
console.log(
  `${students} submissions for ${assignment.id} (${assignment.exercises.length} exercises) in ${out}`,
);
