/**
 * Custom elements whose behaviour loads when they come near the viewport. The <script> of a
 * widget defines its element with `lazyElement`, which is tiny; the module with the store,
 * Plot and the engine is imported only when the widget is about to be seen, so a lesson page
 * ships little JavaScript before the student scrolls or touches anything.
 *
 * Lifecycle: connect → observe; first intersection → import and `mount(element)`; the element
 * gets `data-ready` once mounted; disconnect → unmount (or cancel a pending mount).
 */
export interface WidgetModule {
  /** Wire up the element; returns the teardown. */
  mount(element: HTMLElement): () => void;
}

export function lazyElement(load: () => Promise<WidgetModule>): CustomElementConstructor {
  return class extends HTMLElement {
    private observer: IntersectionObserver | null = null;
    private unmount: (() => void) | null = null;
    private connected = false;

    connectedCallback() {
      this.connected = true;
      this.observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          this.observer?.disconnect();
          void load().then((module) => {
            if (!this.connected || this.unmount) return;
            this.unmount = module.mount(this);
            this.dataset.ready = '';
          });
        },
        { rootMargin: '400px 0px' },
      );
      this.observer.observe(this);
    }

    disconnectedCallback() {
      this.connected = false;
      this.observer?.disconnect();
      this.unmount?.();
      this.unmount = null;
      delete this.dataset.ready;
    }
  };
}
