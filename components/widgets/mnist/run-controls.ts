/**
 * Browser side of RunControls.astro, shared by the MNIST trainer and the loss switch: the
 * numeric selects (`data-field`) and the seed report changes; the fields show the store's
 * settings; Start and Reset are enabled once this code runs.
 */

type Listen = (target: EventTarget | null, type: 'change', handler: () => void) => void;

/**
 * Call `change` with `{ key: value }` when a select or the seed changes. A seed that is not a
 * whole number ≥ 0 is not passed on: the field shows `seedNow()` again.
 */
export function bindRunFields(
  root: HTMLElement,
  on: Listen,
  change: (patch: Record<string, number>) => void,
  seedNow: () => number,
): void {
  for (const el of root.querySelectorAll<HTMLSelectElement>('select[data-field]')) {
    on(el, 'change', () => change({ [el.dataset.field ?? '']: Number(el.value) }));
  }
  const seed = root.querySelector<HTMLInputElement>('[data-seed]');
  on(seed, 'change', () => {
    const v = seed?.valueAsNumber ?? NaN;
    if (Number.isInteger(v) && v >= 0) change({ seed: v });
    else if (seed) seed.value = String(seedNow());
  });
  for (const el of root.querySelectorAll<HTMLButtonElement>('[data-play], [data-reset]')) {
    el.disabled = false;
  }
}

/** Show `values` (by field key, and `seed`) in the fields, except the one being edited. */
export function showRunFields(root: HTMLElement, values: Record<string, number>): void {
  for (const [key, value] of Object.entries(values)) {
    const el = root.querySelector<HTMLInputElement | HTMLSelectElement>(
      key === 'seed' ? '[data-seed]' : `select[data-field="${key}"]`,
    );
    if (el && document.activeElement !== el && el.value !== String(value)) {
      el.value = String(value);
    }
  }
}
