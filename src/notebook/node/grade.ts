/**
 * Grade one submission in the Node sandbox: the student's module and the exercise's
 * misconception examples run on the same probes (in separate requests, so the student's time
 * limit is their own), then `judge` compares outside the sandbox.
 */
import { exerciseRequest, type Exercise } from '../exercises/define';
import { judge, type Feedback } from '../judge/judge';
import { runInSandbox, type SandboxOptions } from './sandbox';

export async function gradeSubmission(
  ex: Exercise,
  source: string,
  options: SandboxOptions = {},
): Promise<Feedback> {
  const examples = ex.misconceptions.filter((m) => !m.detect);
  const requests = [exerciseRequest(ex, [source])];
  if (examples.length)
    requests.push(
      exerciseRequest(
        ex,
        examples.map((m) => m.example),
      ),
    );
  const [student, others] = await runInSandbox(requests, options);
  const exampleResults = ex.misconceptions.map((m) =>
    m.detect ? undefined : others?.programs[examples.indexOf(m)],
  );
  return judge(ex, student.programs[0], exampleResults);
}
