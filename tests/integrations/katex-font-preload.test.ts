import { describe, expect, it } from 'vitest';
import { facesToPreload } from '../../src/integrations/katex-font-preload';

const inline = '<span class="katex"><span class="mord mathnormal">w</span></span>';
const upright = '<span class="katex"><span class="mord">1</span></span>';

describe('facesToPreload', () => {
  it.each([
    ['no math', '<p>Hello</p>', []],
    ['a variable', `<p>${inline}</p>`, ['KaTeX_Main-Regular', 'KaTeX_Math-Italic']],
    ['digits only', `<p>${upright}</p>`, ['KaTeX_Main-Regular']],
    ['math only in a closed <details>', `<details><ul>${inline}</ul></details>`, []],
    [
      'math in an open <details>',
      `<details open><ul>${inline}</ul></details>`,
      ['KaTeX_Main-Regular', 'KaTeX_Math-Italic'],
    ],
    [
      'math after a closed <details>',
      `<details class="x"><p>a</p></details><p>${upright}</p>`,
      ['KaTeX_Main-Regular'],
    ],
  ])('%s', (_, html, expected) => {
    expect(facesToPreload(html)).toEqual(expected);
  });
});
