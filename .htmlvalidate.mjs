// html-validate's recommended rules, checked over every built page by tests/e2e/html.test.ts
// (and by `npx html-validate "dist/**/*.html"`). Each deviation says why.
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // KaTeX typesets math at build time and positions glyphs with inline styles on its own
    // spans (struts, vlists, kerns). These are the properties it writes; anything else inline
    // is still an error.
    'no-inline-style': [
      'error',
      {
        allowedProperties: [
          'display',
          'height',
          'min-width',
          'width',
          'top',
          'bottom',
          'left',
          'position',
          'vertical-align',
          'margin-left',
          'margin-right',
          'margin-top',
          'padding-left',
          'border-bottom-width',
          'border-top-width',
          'border-right-width',
          'border-right-style',
          'border-style',
          'border-width',
          'border-color',
          'background-color',
          'color',
        ],
      },
    ],
    // A cell's code before its editor loads is a highlighted <pre role="textbox"
    // aria-multiline="true">, the same role CodeMirror's editor (a contenteditable
    // role="textbox") has once it replaces it, so nothing changes for a screen reader. A
    // <textarea> cannot show highlighting or line numbers. Other roles are still checked.
    'prefer-native-element': ['error', { exclude: ['textbox'] }],
  },
};
