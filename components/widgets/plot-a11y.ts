/**
 * Plot labels every mark's <g> with aria-label="dot", "line", …; on elements without a role
 * that is a prohibited ARIA attribute (axe: aria-prohibited-attr). A figure is one image to a
 * screen reader anyway, so give the <svg> role="img" with its own label (and the
 * description Plot put there) and drop the per-mark labels.
 */
export function asImage<T extends Element>(svg: T): T {
  svg.setAttribute('role', 'img');
  svg.querySelectorAll('[aria-label]').forEach((el) => el.removeAttribute('aria-label'));
  svg.querySelectorAll('[aria-description]').forEach((el) => {
    el.removeAttribute('aria-description');
  });
  return svg;
}
