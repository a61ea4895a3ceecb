/**
 * The CodeMirror 6 editor used by cells and exercises: TypeScript highlighting, line numbers,
 * bracket matching, undo. Tab indents; Escape then Tab moves focus out (CodeMirror's built-in
 * escape hatch, announced in the cell's help text), so keyboard users are never trapped.
 * Shift+Enter and Ctrl/Cmd+Enter run.
 */
import { EditorState, Prec } from '@codemirror/state';
import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';

export interface EditorOptions {
  doc: string;
  label: string;
  onRun: () => void;
  onChange: (code: string) => void;
}

const theme = EditorView.theme({
  '&': { fontSize: 'var(--nb-code-size)', backgroundColor: 'var(--nb-code-bg)' },
  '.cm-content': {
    fontFamily: 'var(--nb-code-font)',
    padding: 'var(--nb-code-pad) 0',
    lineHeight: 'var(--nb-code-lh)',
  },
  '.cm-line': { padding: '0 0.75rem 0 0.5rem' },
  '.cm-gutters': {
    fontFamily: 'var(--nb-code-font)',
    backgroundColor: 'var(--nb-gutter-bg)',
    color: 'var(--nb-gutter-fg)',
    borderRight: '1px solid var(--nb-border)',
    lineHeight: 'var(--nb-code-lh)',
  },
  '.cm-lineNumbers .cm-gutterElement': {
    minWidth: 'var(--nb-gutter-w)',
    padding: '0 0.5rem 0 0.25rem',
    boxSizing: 'border-box',
  },
  '.cm-scroller': { lineHeight: 'var(--nb-code-lh)' },
  '&.cm-focused': { outline: '2px solid var(--nb-focus)', outlineOffset: '-2px' },
});

export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  const run = () => {
    options.onRun();
    return true;
  };
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        javascript({ typescript: true }),
        Prec.highest(
          keymap.of([
            { key: 'Shift-Enter', run },
            { key: 'Mod-Enter', run },
          ]),
        ),
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange(u.state.doc.toString());
        }),
        theme,
      ],
    }),
  });
}

/** Replace the whole document as one undoable change. */
export function replaceDoc(view: EditorView, code: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
}
