// Plain .ts files (components/mdx.ts) import .astro components. `astro check` resolves those
// through its language server, but tsc and typed ESLint see no type for them, and Astro 7's
// client types no longer declare the module pattern; this declaration fills that gap.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
