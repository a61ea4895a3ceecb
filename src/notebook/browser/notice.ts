/**
 * Page-level notices (a fixed, polite live region): storage resets, import results. Small
 * on purpose: it is part of the JavaScript every lesson page loads.
 */
import type { ProgressStore } from '../progress-store';

const REGION_ID = 'nb-notices';

function region(): HTMLElement {
  let el = document.getElementById(REGION_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = REGION_ID;
    el.className = 'nb-notices';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    document.body.append(el);
  }
  return el;
}

/** Show a dismissable notice. `kind` only changes its colour. */
export function showNotice(text: string, kind: 'info' | 'warning' = 'info'): void {
  const item = document.createElement('div');
  item.className = `nb-notice nb-notice-${kind}`;
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => item.remove());
  item.append(p, close);
  region().append(item);
}

const watched = new WeakSet<ProgressStore>();
const shownTexts = new Set<string>();

/**
 * Show what the progress store has to tell the student: notices from loading now, a refused
 * record's reason once the schema has worded it (`loaded`), and later ones such as a failed
 * save, which the store announces as a change. Each text is shown once per page, so a save
 * that keeps failing does not stack up copies of the same warning.
 */
export function showStoreNotices(store: ProgressStore): void {
  if (watched.has(store)) return;
  watched.add(store);
  const show = () => {
    for (const text of store.takeNotices()) {
      if (shownTexts.has(text)) continue;
      shownTexts.add(text);
      showNotice(text, 'warning');
    }
  };
  show();
  void store.loaded.then(show);
  store.subscribe(show);
}
