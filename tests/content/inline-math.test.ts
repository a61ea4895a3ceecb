import { describe, expect, it } from 'vitest';
import { inlineMath } from '../../src/lib/inline-math';

describe('inlineMath', () => {
  it('typesets $…$ with KaTeX and keeps the text around it', () => {
    const html = inlineMath('Draw $w_0 + w_1x_1 = 0$ and say which side');
    expect(html).toMatch(/^Draw <span class="katex">/);
    expect(html).toContain('and say which side');
    expect(html).not.toContain('$');
  });

  it('escapes HTML in the text', () => {
    expect(inlineMath('a <b> & "c"')).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });

  it('leaves escaped dollars as literal dollars', () => {
    expect(inlineMath('costs \\$5')).toBe('costs $5');
  });

  it('fails the build on broken math instead of shipping raw TeX', () => {
    expect(() => inlineMath('bad $\\frac{1$ here')).toThrow(/KaTeX/);
  });
});
