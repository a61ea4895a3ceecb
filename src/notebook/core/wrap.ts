/**
 * The function a compiled program becomes. Kept apart from compile.ts (which pulls in
 * sucrase) because the harness inside the Node sandbox needs it too.
 */

/** The parameters every compiled program function takes, in order. */
export const PROGRAM_PARAMS = ['require', 'exports', 'console', 'plot', '__nb', '__scope'] as const;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The complete source of a program function. `inherited` are the outside names it receives as
 * `let` bindings; they are put on the first line so student line numbers stay unchanged. The
 * body is an inner block so that student declarations may reuse the parameter names
 * (`const plot = …`).
 */
export function wrapProgram(
  js: string,
  inherited: readonly string[],
  publish: readonly string[],
): string {
  const safe = inherited.filter((n) => IDENTIFIER.test(n));
  const prelude = safe.length ? `let {${safe.join(', ')}} = __scope;` : '';
  const pub = publish.filter((n) => IDENTIFIER.test(n));
  const epilogue = `\n;__nb.publish({${pub.map((n) => `${JSON.stringify(n)}: ${n}`).join(', ')}});`;
  return `(function (${PROGRAM_PARAMS.join(', ')}) {"use strict";{${prelude}${js}${epilogue}\n}})`;
}
