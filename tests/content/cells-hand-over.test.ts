/**
 * A lesson's code cells must not hand over the answer to one of its exercises. Every function a
 * cell declares at the top level is handed in, as a copying student would, under each function
 * name the lesson's exercises ask for: the function alone, with the cell's imports, and as the
 * whole cell. None of these may be judged solved.
 *
 * Weight exercises (values, such as AND's three weights) are left out on purpose: the lecture's
 * own gate and XOR weights are course content that the lessons must show.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { exerciseIdsByLesson, getExercise } from '../../src/notebook/exercises/index';
import { exerciseRequest, type Exercise } from '../../src/notebook/exercises/define';
import { judge, type Feedback } from '../../src/notebook/judge/judge';
import { runInSandbox } from '../../src/notebook/node/sandbox';
import { lessonFiles } from '../../scripts/lesson-files';

interface Attempt {
  lesson: string;
  cell: string;
  fn: string;
  variant: 'function alone' | 'with the imports' | 'whole cell';
  exercise: Exercise;
  exportName: string;
  source: string;
}

/** The top-level functions of a cell (declarations and `const f = (…) => …`), with its imports. */
function cellFunctions(source: string): {
  imports: string;
  functions: { name: string; text: string }[];
} {
  const file = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.Latest, true);
  const imports: string[] = [];
  const functions: { name: string; text: string }[] = [];
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st)) imports.push(st.getText());
    else if (ts.isFunctionDeclaration(st) && st.name) {
      functions.push({ name: st.name.text, text: st.getText() });
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (
          ts.isIdentifier(d.name) &&
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
        ) {
          functions.push({ name: d.name.text, text: st.getText() });
        }
      }
    }
  }
  return { imports: imports.join('\n'), functions };
}

const exportAs = (fn: string, name: string) =>
  fn === name ? `\nexport { ${fn} };\n` : `\nexport { ${fn} as ${name} };\n`;

function attempts(): Attempt[] {
  const out: Attempt[] = [];
  for (const { id: slug, body } of lessonFiles()) {
    const cells = [...body.matchAll(/<Cell\s+file="([^"]+)"/g)].map((m) => m[1]);
    const wanted = (exerciseIdsByLesson[slug] ?? [])
      .map((id) => getExercise(id)!)
      .flatMap((exercise) =>
        Object.entries(exercise.exports)
          .filter(([, kind]) => kind === 'function')
          .map(([exportName]) => ({ exercise, exportName })),
      );
    for (const cell of cells) {
      const source = readFileSync(`content/cells/${cell}`, 'utf8');
      const { imports, functions } = cellFunctions(source);
      for (const { name, text } of functions) {
        for (const { exercise, exportName } of wanted) {
          const variants = {
            'function alone': text,
            'with the imports': `${imports}\n${text}`,
            'whole cell': source,
          } as const;
          for (const [variant, body] of Object.entries(variants)) {
            out.push({
              lesson: slug,
              cell,
              fn: name,
              variant: variant as Attempt['variant'],
              exercise,
              exportName,
              source: body + exportAs(name, exportName),
            });
          }
        }
      }
    }
  }
  return out;
}

const all = attempts();
const feedback: Feedback[] = [];

beforeAll(async () => {
  const results = await runInSandbox(all.map((a) => exerciseRequest(a.exercise, [a.source])));
  results.forEach((r, i) => feedback.push(judge(all[i].exercise, r.programs[0], [])));
}, 120_000);

describe('lesson cells and the exercises on the same page', () => {
  it('finds the cells’ functions, so the check below has something to try', () => {
    // Chapters 2, 3 and 9 declare helper functions in their cells; a parser that found none
    // would pass vacuously.
    expect(new Set(all.map((a) => a.cell)).size).toBeGreaterThanOrEqual(3);
    expect(all.length).toBeGreaterThan(20);
  });

  it('no cell function, copied under an exercise’s name, solves that exercise', () => {
    const solved = all
      .filter((_, i) => feedback[i].solved)
      .map((a) => `${a.cell}: ${a.fn} as ${a.exercise.id}/${a.exportName} (${a.variant})`);
    expect(solved).toEqual([]);
  });

  it('would notice a cell that does hand over an answer', async () => {
    // A cell that declared the reference `countParameters` under another name, as chapter 5's
    // parameter cell once did with `byHand`.
    const exercise = getExercise('count-parameters')!;
    const cell = `import { mlp } from '@engine';
function byHand(sizes: number[]): number {
  let total = 0;
  for (let j = 0; j + 1 < sizes.length; j++) total += (sizes[j] + 1) * sizes[j + 1];
  return total;
}
byHand([784, 128, 10]);`;
    const { imports, functions } = cellFunctions(cell);
    expect(functions.map((f) => f.name)).toEqual(['byHand']);
    const [alone, whole] = await runInSandbox([
      exerciseRequest(exercise, [functions[0].text + exportAs('byHand', 'countParameters')]),
      exerciseRequest(exercise, [`${imports}\n${cell}${exportAs('byHand', 'countParameters')}`]),
    ]);
    expect(judge(exercise, alone.programs[0], []).solved).toBe(true);
    // With the cell's import of the withheld `mlp`, the copy is refused; alone it is not.
    expect(judge(exercise, whole.programs[0], []).solved).toBe(false);
  });
});
