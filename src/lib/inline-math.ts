import katex from 'katex';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/**
 * Frontmatter strings (summaries, objectives) are plain text that may hold inline math in
 * `$…$`. They skip the MDX pipeline, so this typesets them with the same KaTeX at build time
 * and escapes everything else. `\$` stays a literal dollar sign.
 */
export function inlineMath(text: string): string {
  const parts = text.split(/(?<!\\)\$([^$]+?)(?<!\\)\$/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? katex.renderToString(part, { throwOnError: true, displayMode: false })
        : escapeHtml(part.replaceAll('\\$', '$')),
    )
    .join('');
}
