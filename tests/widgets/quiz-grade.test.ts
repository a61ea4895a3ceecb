import { describe, expect, it } from 'vitest';
import { NAME_PLACEHOLDER, bindOptions, grade } from '../../components/quiz/grade';

const option = (correct: boolean) =>
  `<label><input type="radio" name="${NAME_PLACEHOLDER}"${correct ? ' data-correct' : ''}/>x</label>`;

describe('grade', () => {
  it('asks for a choice first', () => {
    expect(grade(null)).toEqual({ state: 'none', message: 'Pick an answer first.' });
  });

  it('says right or wrong and appends the option feedback', () => {
    expect(grade({ correct: true })).toEqual({ state: 'right', message: 'Correct.' });
    expect(grade({ correct: true, feedback: 'Because.' }).message).toBe('Correct. Because.');
    expect(grade({ correct: false, feedback: 'Look at w0.' })).toEqual({
      state: 'wrong',
      message: 'Not quite. Look at w0. Try another answer.',
    });
    expect(grade({ correct: false, feedback: '  ' }).message).toBe(
      'Not quite. Try another answer.',
    );
  });
});

describe('bindOptions', () => {
  it('names every radio of the group', () => {
    const html = bindOptions(option(true) + option(false) + option(false), 'mc-7', 'Q?');
    expect(html).not.toContain(NAME_PLACEHOLDER);
    expect(html.match(/name="mc-7"/g)).toHaveLength(3);
  });

  it.each([
    ['no correct option', [false, false]],
    ['two correct options', [true, true, false]],
    ['a single option', [true]],
  ])('rejects %s with a message naming the question', (_, flags) => {
    const html = flags.map(option).join('');
    expect(() => bindOptions(html, 'mc-1', 'Which side?')).toThrow(
      /MultipleChoice "Which side\?": expected at least 2 <Option>s with exactly one marked isCorrect/,
    );
  });
});
