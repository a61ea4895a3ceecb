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
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { javascript } from '@codemirror/lang-javascript';

export interface EditorOptions {
  doc: string;
  label: string;
  onRun: () => void;
  onChange: (code: string) => void;
}

const theme = EditorView.theme({
  '&': {
    fontSize: 'var(--nb-code-size)',
    backgroundColor: 'var(--nb-code-bg)',
    color: 'var(--nb-code-fg)',
  },
  '.cm-cursor': { borderLeftColor: 'var(--nb-code-fg)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--nb-code-fg) 6%, transparent)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--accent, #1d5fc4) 30%, transparent)',
  },
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

// Token colours come from CSS variables shared with the static highlighter (notebook.css),
// so the editor matches the <pre> it replaces and follows the light/dark theme.
const highlight = HighlightStyle.define([
  {
    tag: [t.keyword, t.modifier, t.operatorKeyword, t.controlKeyword],
    color: 'var(--nb-hl-keyword)',
  },
  { tag: [t.atom, t.bool, t.null, t.self], color: 'var(--nb-hl-atom)' },
  { tag: [t.number], color: 'var(--nb-hl-number)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--nb-hl-string)' },
  { tag: [t.regexp, t.escape], color: 'var(--nb-hl-regexp)' },
  {
    tag: [t.definition(t.variableName), t.function(t.definition(t.variableName))],
    color: 'var(--nb-hl-definition)',
  },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--nb-hl-type)' },
  {
    tag: [t.comment, t.lineComment, t.blockComment],
    color: 'var(--nb-hl-comment)',
    fontStyle: 'italic',
  },
]);

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
        syntaxHighlighting(highlight),
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

/**
 * Swaps the static <pre> inside `host` for an editor, holding the height meanwhile so the page
 * does not jump, and returns the editor.
 */
export function mountInPlace(
  host: HTMLElement,
  options: EditorOptions,
  focus: boolean,
): EditorView {
  const pre = host.querySelector('pre');
  host.style.minHeight = `${host.offsetHeight}px`;
  const view = createEditor(host, options);
  pre?.remove();
  host.style.minHeight = '';
  if (focus) view.focus();
  return view;
}
