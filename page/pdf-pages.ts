/**
 * The reader's pages: one placeholder per page, sized like it, and a page drawn (canvas and
 * pdf.js's text layer) only when it comes near the view; drawn pages far from it are let go, so
 * that a long report costs the memory of a few pages. One IntersectionObserver draws and lets
 * go, another follows which page is under the middle of the view; both stop with the signal.
 */
import { type PageViewport, type PDFDocumentProxy, PixelsPerInch, TextLayer } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';

/** A drawn page's text layer: one element per piece of its text, and each piece's text. */
export interface DrawnText {
  divs: HTMLElement[];
  strs: string[];
}

export interface PageViewsOptions {
  pdf: PDFDocumentProxy;
  /** Where the pages go: it scrolls, or its window does. */
  container: HTMLElement;
  signal: AbortSignal;
  /** A page's text (read once, shared with the reading of the whole document). */
  text: (page: number) => Promise<TextContent>;
  /** Called when a page's text layer is in the page: the highlights go in there. */
  onDrawn: (page: number, text: DrawnText) => void;
  onCurrentPage: (page: number) => void;
  pageLabel: (page: number) => string;
}

/** Pages this far outside the view (a share of its height) are drawn ahead. */
const AHEAD = '100%';
/** Canvas pixels per CSS pixel at most: sharper costs memory and time for little. */
const MAX_PIXEL_RATIO = 2;

type Dims = { pageWidth: number; pageHeight: number };

interface View {
  element: HTMLElement;
  drawn?: { text: DrawnText; cancel: () => void };
  drawing?: Promise<void>;
}

export class PageViews {
  private readonly views: View[] = [];
  private zoom = 1;
  private readonly near = new Set<number>();
  private readonly waiting = new Map<number, (() => void)[]>();
  private readonly drawer: IntersectionObserver;
  private readonly middle: IntersectionObserver;
  private firstDims: Dims = { pageWidth: 612, pageHeight: 792 };

  constructor(private readonly options: PageViewsOptions) {
    const { pdf, container, signal } = options;
    for (let page = 1; page <= pdf.numPages; page++) {
      const element = document.createElement('section');
      element.className = 'rd-page';
      element.dataset.page = String(page);
      element.setAttribute('aria-label', options.pageLabel(page));
      this.views.push({ element });
    }
    container.replaceChildren(...this.views.map((v) => v.element));
    this.drawer = new IntersectionObserver((entries) => this.onNear(entries), { rootMargin: `${AHEAD} 0px` });
    this.middle = new IntersectionObserver(
      (entries) => {
        for (const entry of entries)
          if (entry.isIntersecting) options.onCurrentPage(Number((entry.target as HTMLElement).dataset.page));
      },
      { rootMargin: '-50% 0px -50% 0px' },
    );
    signal.addEventListener(
      'abort',
      () => {
        this.drawer.disconnect();
        this.middle.disconnect();
        for (const view of this.views) view.drawn?.cancel();
      },
      { once: true },
    );
  }

  /** Sizes every placeholder like the first page (each takes its own size when drawn), then observes them. */
  async start(zoom: number): Promise<void> {
    this.zoom = zoom;
    const first = await this.options.pdf.getPage(1);
    this.firstDims = first.getViewport({ scale: 1 }).rawDims as Dims;
    for (const view of this.views) this.size(view);
    for (const view of this.views) {
      this.drawer.observe(view.element);
      this.middle.observe(view.element);
    }
  }

  /** A page's size in the view, at the zoom: its own once known, the first page's until then. */
  private size(view: View): void {
    const { width, height } = view.element.dataset;
    const dims = width && height ? { pageWidth: Number(width), pageHeight: Number(height) } : this.firstDims;
    const scale = this.scale();
    view.element.style.width = `${Math.floor(dims.pageWidth * scale)}px`;
    view.element.style.height = `${Math.floor(dims.pageHeight * scale)}px`;
  }

  /** CSS pixels per PDF unit. */
  private scale(): number {
    return this.zoom * PixelsPerInch.PDF_TO_CSS_UNITS;
  }

  /** Draws again at another zoom, keeping the current page in view. */
  setZoom(zoom: number, current: number): void {
    this.zoom = zoom;
    for (const view of this.views) {
      view.drawn?.cancel();
      view.drawn = undefined;
      view.element.replaceChildren();
      view.element.removeAttribute('data-drawn');
      this.size(view);
    }
    this.scrollToPage(current);
    for (const page of this.near) void this.draw(page);
  }

  scrollToPage(page: number): void {
    this.views[page - 1]?.element.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  /** The page's text layer once it is drawn (it is brought into view first). */
  async drawnText(page: number): Promise<DrawnText | undefined> {
    const view = this.views[page - 1];
    if (!view) return undefined;
    if (!view.drawn) {
      view.element.scrollIntoView({ block: 'center', behavior: 'instant' });
      await new Promise<void>((resolve) => this.waiting.set(page, [...(this.waiting.get(page) ?? []), resolve]));
    }
    return view.drawn?.text;
  }

  /** The text layers drawn now, by page. */
  drawnPages(): [number, DrawnText][] {
    return this.views.flatMap((view, i) => (view.drawn ? [[i + 1, view.drawn.text] as [number, DrawnText]] : []));
  }

  private onNear(entries: IntersectionObserverEntry[]) {
    for (const entry of entries) {
      const page = Number((entry.target as HTMLElement).dataset.page);
      if (entry.isIntersecting) {
        this.near.add(page);
        void this.draw(page);
      } else {
        this.near.delete(page);
        this.letGo(page);
      }
    }
  }

  private letGo(page: number) {
    const view = this.views[page - 1];
    if (!view?.drawn) return;
    view.drawn.cancel();
    view.drawn = undefined;
    view.element.replaceChildren();
    view.element.removeAttribute('data-drawn');
  }

  private draw(page: number): Promise<void> {
    const view = this.views[page - 1];
    if (!view || view.drawn || view.drawing) return view?.drawing ?? Promise.resolve();
    view.drawing = this.drawPage(page, view)
      .catch((error: unknown) => {
        if ((error as Error)?.name !== 'RenderingCancelledException') console.warn('Palermo Lens:', error);
      })
      .finally(() => {
        view.drawing = undefined;
        // Moved away while it was drawn, or the zoom changed: it is let go, or drawn again.
        if (!this.near.has(page)) this.letGo(page);
        else if (!view.drawn) void this.draw(page);
      });
    return view.drawing;
  }

  private async drawPage(page: number, view: View): Promise<void> {
    const { signal } = this.options;
    const zoom = this.zoom;
    const [proxy, content] = await Promise.all([this.options.pdf.getPage(page), this.options.text(page)]);
    if (signal.aborted || zoom !== this.zoom || !this.near.has(page)) return;
    const raw = proxy.getViewport({ scale: 1 }).rawDims as Dims;
    view.element.dataset.width = String(raw.pageWidth);
    view.element.dataset.height = String(raw.pageHeight);
    this.size(view);
    const scale = this.scale();
    const viewport: PageViewport = proxy.getViewport({ scale });

    const ratio = Math.min(MAX_PIXEL_RATIO, window.devicePixelRatio || 1);
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    view.element.style.setProperty('--scale-factor', String(scale));
    view.element.replaceChildren(canvas, layer);

    const task = proxy.render({
      canvas,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    const textLayer = new TextLayer({ textContentSource: content, container: layer, viewport });
    const cancel = () => {
      task.cancel();
      textLayer.cancel();
    };
    signal.addEventListener('abort', cancel, { once: true });
    try {
      // The text first: it is what is highlighted, and it is cheap.
      await textLayer.render();
      const text = { divs: textLayer.textDivs, strs: textLayer.textContentItemsStr };
      view.drawn = { text, cancel };
      this.options.onDrawn(page, text);
      for (const resolve of this.waiting.get(page) ?? []) resolve();
      this.waiting.delete(page);
      await task.promise;
      // Drawn through: what tests and the benchmark wait for.
      view.element.setAttribute('data-drawn', '');
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }
}
