/**
 * Browser side of RunControls.astro, shared by the MNIST trainer and the loss switch: the
 * numeric selects (`data-field`) and the seed report changes; the fields show the store's
 * settings; Start and Reset are enabled once this code runs.
 */

type Listen = (target: EventTarget | null, type: 'change', handler: () => void) => void;

type Click = (target: EventTarget | null, type: 'click', handler: () => void) => void;

export interface RunHandlers {
  /** A select or the seed changed: `{ key: value }`. */
  change: (patch: Record<string, number>) => void;
  /** The seed shown again when the one typed is not a whole number ≥ 0. */
  seedNow: () => number;
  play: () => void;
  reset: () => void;
}

/**
 * Wire the controls: `change` with `{ key: value }` when a select or the seed changes (a seed
 * that is not a whole number ≥ 0 is not passed on; the field shows `seedNow()` again), `play`
 * and `reset` on their buttons, which are enabled from here on.
 */
export function bindRunControls(root: HTMLElement, on: Listen & Click, h: RunHandlers): void {
  const { change, seedNow } = h;
  for (const el of root.querySelectorAll<HTMLSelectElement>('select[data-field]')) {
    on(el, 'change', () => change({ [el.dataset.field ?? '']: Number(el.value) }));
  }
  const seed = root.querySelector<HTMLInputElement>('[data-seed]');
  on(seed, 'change', () => {
    const v = seed?.valueAsNumber ?? NaN;
    if (Number.isInteger(v) && v >= 0) change({ seed: v });
    else if (seed) seed.value = String(seedNow());
  });
  on(root.querySelector('[data-play]'), 'click', h.play);
  on(root.querySelector('[data-reset]'), 'click', h.reset);
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
