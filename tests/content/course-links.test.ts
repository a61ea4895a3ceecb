import { describe, expect, it } from 'vitest';
import { linkedLesson, unlinkUnbuiltLessons } from '../../src/content/course-links';

describe('links to lessons the course leaves out', () => {
  it.each([
    ['../02-perceptron/', '02-perceptron'],
    ['/02-perceptron/#boundary', '02-perceptron'],
    ['/course/03-xor-mlp/', '03-xor-mlp'],
    ['02-perceptron', '02-perceptron'],
    ['https://example.org/02-perceptron/', undefined],
    ['#02-perceptron-section', undefined],
    ['../assignments/a1/', undefined],
  ])('%s names lesson %s', (href, lesson) => {
    expect(linkedLesson(href)).toBe(lesson);
  });

  it('turns links to unbuilt lessons into plain text and keeps the others', () => {
    const a = (href: string) => ({
      type: 'element',
      tagName: 'a',
      properties: { href },
      children: [{ type: 'text' }],
    });
    const tree = {
      type: 'root',
      children: [a('../02-perceptron/'), a('../03-xor-mlp/'), a('../09-x/')],
    };
    unlinkUnbuiltLessons(
      tree,
      new Set(['01-deep-learning-in-context', '02-perceptron', '03-xor-mlp']),
      new Set(['01-deep-learning-in-context', '03-xor-mlp']),
    );
    expect(tree.children.map((c) => [c.tagName, c.properties])).toEqual([
      ['span', { dataUnbuiltLesson: '02-perceptron' }],
      ['a', { href: '../03-xor-mlp/' }],
      ['a', { href: '../09-x/' }], // not a lesson at all: left alone (the link checker's job)
    ]);
    expect(tree.children[0].children).toHaveLength(1);
  });
});
