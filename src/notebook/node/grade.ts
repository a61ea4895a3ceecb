/**
 * Grade one submission in the Node sandbox: the student's module and the exercise's
 * misconception examples run on the same probes (in separate requests, so the student's time
 * limit is their own), then `judge` compares outside the sandbox.
 */
import type { Exercise } from '../exercises/define';
import { judge, type Feedback } from '../judge/judge';
import { runInSandbox, type SandboxOptions } from './sandbox';

export async function gradeSubmission(
  ex: Exercise,
  source: string,
  options: SandboxOptions = {},
): Promise<Feedback> {
  const examples = ex.misconceptions.filter((m) => !m.detect);
  const requests = [{ kind: 'exercise' as const, sources: [source], probes: ex.probes }];
  if (examples.length)
    requests.push({ kind: 'exercise', sources: examples.map((m) => m.example), probes: ex.probes });
  const [student, others] = await runInSandbox(requests, options);
  const exampleResults = ex.misconceptions.map((m) =>
    m.detect ? undefined : others?.programs[examples.indexOf(m)],
  );
  return judge(ex, student.programs[0], exampleResults);
}
