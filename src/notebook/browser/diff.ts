/** A line diff (longest common subsequence) shown side by side, for "Show solution" and "compare". */

export interface DiffRow {
  left?: string;
  right?: string;
  /** 'same', or which side has a line the other lacks ('changed' when both do). */
  kind: 'same' | 'left' | 'right' | 'changed';
}

export function diffLines(a: string, b: string): DiffRow[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      rows.push({ left: x[i++], right: y[j++], kind: 'same' });
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      rows.push({ right: y[j++], kind: 'right' });
    } else {
      rows.push({ left: x[i++], kind: 'left' });
    }
  }
  // Pair a run of removed lines with the added lines that follow as "changed" rows.
  const out: DiffRow[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const next = rows[k + 1];
    if (r.kind === 'left' && next?.kind === 'right') {
      out.push({ left: r.left, right: next.right, kind: 'changed' });
      k++;
    } else out.push(r);
  }
  return out;
}

/** A two-column table: the student's code on the left, the other on the right. */
export function renderDiff(
  a: string,
  b: string,
  leftTitle: string,
  rightTitle: string,
): HTMLElement {
  const table = document.createElement('table');
  table.className = 'nb-diff';
  const head = table.createTHead().insertRow();
  for (const t of [leftTitle, rightTitle]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of diffLines(a, b)) {
    const tr = body.insertRow();
    tr.className = `nb-diff-${r.kind}`;
    for (const side of [r.left, r.right]) {
      const td = tr.insertCell();
      const code = document.createElement('code');
      code.textContent = side ?? '';
      td.append(code);
      if (side === undefined) td.className = 'nb-diff-empty';
    }
  }
  return table;
}
