/**
 * Due dates in the student's own time zone. The build writes each deadline as
 * `<time datetime="…" data-due>` with UTC text (correct without JavaScript); this replaces the
 * text with the local date and time and keeps a countdown beside it up to date.
 */

/** "in 2 days 3 hours", "in 14 minutes", "closed 1 day ago". */
export function countdown(dueMs: number, nowMs: number): string {
  const diff = dueMs - nowMs;
  const abs = Math.abs(diff);
  const minutes = Math.floor(abs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts =
    days > 0
      ? [unit(days, 'day'), hours ? unit(hours, 'hour') : '']
      : hours > 0
        ? [unit(hours, 'hour'), mins ? unit(mins, 'minute') : '']
        : [unit(Math.max(mins, diff > 0 ? 1 : 0), 'minute')];
  const span = parts.filter(Boolean).join(' ');
  return diff > 0 ? `in ${span}` : `closed ${span} ago`;
}

/** UTC text for the build (the page replaces it with local time). */
export function utcText(date: Date): string {
  return `${date.toLocaleString('en-GB', {
    timeZone: 'UTC',
    dateStyle: 'full',
    timeStyle: 'short',
  })} UTC`;
}

/** Fills in local times and countdowns under `root`, and keeps the countdowns current. */
export function showDueDates(root: ParentNode = document): void {
  const update = () => {
    for (const time of root.querySelectorAll<HTMLTimeElement>('time[data-due]')) {
      const due = new Date(time.dateTime);
      time.textContent = due.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });
      const counter = time.parentElement?.querySelector('[data-countdown]');
      if (counter) {
        counter.textContent = `(${countdown(due.getTime(), Date.now())})`;
        counter
          .closest('[data-due-state]')
          ?.setAttribute('data-due-state', due.getTime() > Date.now() ? 'open' : 'closed');
      }
    }
  };
  update();
  setInterval(update, 30_000);
}
