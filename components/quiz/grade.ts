/**
 * Grading of a self-check multiple-choice question: pure, so the message rules are tested
 * in Node and the custom element only reads the choice and writes the verdict.
 */
export interface Choice {
  /** The chosen option is the right one. */
  correct: boolean;
  /** The option's own explanation, if the author gave one. */
  feedback?: string;
}

export interface Verdict {
  state: 'none' | 'right' | 'wrong';
  message: string;
}

export function grade(choice: Choice | null): Verdict {
  if (!choice) return { state: 'none', message: 'Pick an answer first.' };
  const extra = choice.feedback?.trim() ? ` ${choice.feedback.trim()}` : '';
  return choice.correct
    ? { state: 'right', message: `Correct.${extra}` }
    : { state: 'wrong', message: `Not quite.${extra} Try another answer.` };
}

/** Placeholder that <Option> writes as its radio's name; <MultipleChoice> swaps in a real one. */
export const NAME_PLACEHOLDER = '__multiple-choice__';

/**
 * Give every radio in the rendered options the group's name, and count the correct ones.
 * Throws, failing the build, unless exactly one option is marked correct.
 */
export function bindOptions(html: string, name: string, question: string): string {
  const options = html.split(`name="${NAME_PLACEHOLDER}"`).length - 1;
  const correct = (html.match(/data-correct/g) ?? []).length;
  if (options < 2 || correct !== 1) {
    throw new Error(
      `MultipleChoice "${question}": expected at least 2 <Option>s with exactly one marked isCorrect, received ${options} option(s) with ${correct} marked correct`,
    );
  }
  return html.replaceAll(`name="${NAME_PLACEHOLDER}"`, `name="${name}"`);
}
