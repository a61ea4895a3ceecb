/**
 * What every widget's browser behaviour shares: listeners that are removed on teardown, and
 * rendering batched into the next animation frame. State lives in each widget's store; a
 * controller lives from its element's mount to its teardown (`destroy`).
 */
export abstract class WidgetController {
  /** Teardown steps, run by `destroy` in order. */
  protected cleanups: (() => void)[] = [];
  /** A subclass's cache key for its expensive figures; `schedule(true)` clears it. */
  protected key = '';
  private frame = 0;

  constructor(protected readonly root: HTMLElement) {}

  /** Draws the widget from its store; called at most once per animation frame. */
  protected abstract render(): void;

  destroy(): void {
    this.cleanups.forEach((f) => f());
    this.cleanups = [];
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  protected q<T extends Element>(selector: string): T | null {
    return this.root.querySelector<T>(selector);
  }

  /** addEventListener, undone on teardown; a missing target is ignored. */
  protected on<K extends keyof HTMLElementEventMap>(
    target: EventTarget | null,
    type: K,
    handler: (e: HTMLElementEventMap[K]) => void,
  ): void {
    if (!target) return;
    const listener = handler as EventListener;
    target.addEventListener(type, listener);
    this.cleanups.push(() => target.removeEventListener(type, listener));
  }

  /** Render on the next frame; `force` also drops the figure cache (size or theme changed). */
  protected schedule(force = false): void {
    if (force) this.key = '';
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }
  }

  /**
   * Redraw the figures from scratch when `element` changes size, and (for figures whose
   * colours are read from CSS) when the theme toggle flips html[data-theme].
   */
  protected redrawOn(element: Element | null, { theme = false } = {}): void {
    const resize = new ResizeObserver(() => this.schedule(true));
    if (element) resize.observe(element);
    this.cleanups.push(() => resize.disconnect());
    if (!theme) return;
    const observer = new MutationObserver(() => this.schedule(true));
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    this.cleanups.push(() => observer.disconnect());
  }
}
