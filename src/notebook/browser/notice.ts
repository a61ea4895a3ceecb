/**
 * Page-level notices (a fixed, polite live region): storage resets, import results. Small
 * on purpose: it is part of the JavaScript every lesson page loads.
 */
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
