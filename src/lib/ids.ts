/**
 * Build-time ids for component markup (widget and quiz labels, captions). A counter, not randomness, so builds
 * are reproducible; ids only need to be unique within one page.
 */
let counter = 0;

export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
