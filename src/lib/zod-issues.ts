/**
 * One-line messages for zod issues: the field's path as it reads in the file, what was
 * expected and what was received. Shared by the progress file (in the page and the grader)
 * and the course and assignment files (at build time), so every refusal reads the same way.
 */
import type { z } from 'astro/zod';

/** `progress.exercises["and-gate"].status`, `lessons[2]`, or "(the top level)". */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(the top level)';
}

/** A short rendering of what a field held. */
export function received(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (Array.isArray(value))
    return `an array (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (value === null) return 'null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** What zod expected, in words (its message without the "received …" part). */
function expected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_value')
    return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const op = small ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
    const bound = String(small ? issue.minimum : issue.maximum);
    return issue.origin === 'array' || issue.origin === 'string'
      ? `${issue.origin === 'array' ? 'a list' : 'text'} of length ${op} ${bound}`
      : `a number ${op} ${bound}`;
  }
  if (issue.code === 'unrecognized_keys')
    return `no field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (unknown field)`;
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Each branch's first complaint: `"never" or object`.
    const branches = issue.errors.map((branch) => {
      const first = branch[0];
      if (!first) return 'another value';
      if (first.code === 'invalid_value')
        return first.values.map((v) => JSON.stringify(v)).join(' or ');
      return expected(first);
    });
    return [...new Set(branches)].join(' or ');
  }
  return issue.message.replace(/^(Invalid input: )?(expected )?/, '').replace(/, received .*$/, '');
}

/**
 * A union whose value had the right shape for one branch but failed inside it (e.g.
 * `{after-attempts: "three"}`) is reported as that branch's inner problem, with its path.
 */
function deepest(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const inner = issue.errors
    .map((branch) => branch[0])
    .filter((first): first is z.core.$ZodIssue => first !== undefined && first.path.length > 0);
  if (inner.length !== 1) return issue;
  return deepest({ ...inner[0], path: [...issue.path, ...inner[0].path] });
}

/** One line per issue: `<path>: expected <what>, received <value>`. */
export function describeIssues(
  error: z.ZodError,
  input: unknown,
  prefix: PropertyKey[] = [],
): string[] {
  return error.issues.map(deepest).map((issue) => {
    const path = issuePath([...prefix, ...issue.path]);
    if (issue.code === 'unrecognized_keys')
      return `${path}: unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    // expected() drops a custom message's own ", received …": it is said once, here.
    return `${path}: expected ${expected(issue)}, received ${received(at(input, issue.path))}`;
  });
}
