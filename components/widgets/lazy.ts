/**
 * Custom elements whose behaviour loads when they come near the viewport. The <script> of a
 * widget defines its element with `lazyElement`, which is tiny; the module with the store,
 * Plot and the engine is imported only when the widget is about to be seen, so a lesson page
 * ships little JavaScript before the student scrolls or touches anything.
 *
 * Lifecycle: connect → observe; first intersection (or the page being printed, so printouts
 * keep their figures) → import and `mount(element)`; the element gets `data-ready` once
 * mounted; disconnect → unmount (or cancel a pending mount).
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
    private readonly start = () => {
      this.observer?.disconnect();
      window.removeEventListener('beforeprint', this.start);
      void load().then((module) => {
        if (!this.connected || this.unmount) return;
        this.unmount = module.mount(this);
        this.dataset.ready = '';
      });
    };

    connectedCallback() {
      this.connected = true;
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) this.start();
        },
        { rootMargin: '400px 0px' },
      );
      this.observer.observe(this);
      window.addEventListener('beforeprint', this.start);
    }

    disconnectedCallback() {
      this.connected = false;
      window.removeEventListener('beforeprint', this.start);
      this.observer?.disconnect();
      this.unmount?.();
      this.unmount = null;
      delete this.dataset.ready;
    }
  };
}
