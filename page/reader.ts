/**
 * The PDF reader's engine (the reader page, components/reader/, draws around it): one document at
 * a time, its pages drawn as they come into view (pdf-pages.ts), every page's text read in the
 * background in order (pdf-document.ts) so that the document's mentions are all known, drawn or
 * not (pdf-mentions.ts), and the drawn pages' text layers highlighted with the web pages'
 * highlight contract and style sheet, under the user's settings and with their own entries. A
 * document that fails to open leaves the one shown before as it was.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { glossary } from '../glossary';
import { lazyMatcher, type Matcher, type Mention } from '../glossary/matcher';
import { mergePrepared, type PreparedMatcher, prepareMatcher } from '../glossary/prepare-matcher';
import type { Entry } from '../glossary/schema';
import type { Settings } from '../lib/settings';
import { isSiteEnabled } from '../lib/sites';
import { loadCustomEntries, loadSettings, watchCustomEntries, watchSettings } from '../lib/storage';
import { highlightPieces } from './highlight-plan';
import { highlightCss, markSwitchedOff } from './highlight-style';
import { openPdf, PdfError, readAllText, textPieces } from './pdf-document';
import { DocumentMentions, type MentionPlace } from './pdf-mentions';
import { type DrawnText, PageViews } from './pdf-pages';
import { joinPieces, mentionsByPiece } from './pdf-text';

export type ReaderStatus =
  | { kind: 'empty' }
  | { kind: 'opening'; progress: number | undefined }
  | { kind: 'open'; name: string; pages: number; read: number; noText: boolean };

/** What the reader page shows besides the pages. */
export interface ReaderSnapshot {
  status: ReaderStatus;
  /** The last document that failed to open, and why (the one shown before stays). */
  problem: PdfError['problem'] | undefined;
  page: number;
  zoom: number;
  /** For each entry mentioned, the pages it is mentioned on, in order of first mention. */
  mentions: [string, number[]][];
  settings: Settings | undefined;
}

/** Attribute of a highlight: the place of its mention in the document, "page:index". */
export const PLACE_ATTRIBUTE = 'data-pdf-mention';
/** Attribute of the highlights of a name's second and further pieces (a name broken across lines). */
export const CONTINUED_ATTRIBUTE = 'data-glossary-continued';

/**
 * While the text is read, the side list is given the mentions at most this often: a long report
 * lists thousands of pages, which take a while to draw.
 */
const LIST_EVERY_MS = 500;

interface OpenDocument {
  pdf: PDFDocumentProxy;
  name: string;
  host: string;
  controller: AbortController;
  views: PageViews;
  /** A page's text, asked of pdf.js once. */
  text: (page: number) => Promise<TextContent>;
  mentions: DocumentMentions;
  read: number;
}

export class Reader {
  private settings: Settings | undefined;
  private custom: readonly Entry[] = [];
  private matcher: Matcher;
  private doc: OpenDocument | undefined;
  private opening: AbortController | undefined;
  /** When the side list was last given the mentions (performance.now()). */
  private listedAt = 0;
  private readonly style = document.createElement('style');
  private snapshot: ReaderSnapshot = {
    status: { kind: 'empty' },
    problem: undefined,
    page: 1,
    zoom: 1,
    mentions: [],
    settings: undefined,
  };

  constructor(
    private readonly prepared: PreparedMatcher,
    private readonly container: HTMLElement,
    private readonly signal: AbortSignal,
    private readonly onChange: (snapshot: ReaderSnapshot) => void,
    private readonly pageLabel: (page: number) => string,
  ) {
    this.matcher = lazyMatcher(prepared);
    document.head.append(this.style);
  }

  /** Reads the settings and the user's entries, then follows them. */
  async start(): Promise<void> {
    const builtIn = () => glossary;
    const [settings, stored] = await Promise.all([loadSettings(), loadCustomEntries(builtIn)]);
    this.takeEntries(stored.entries);
    this.applySettings(settings);
    watchSettings((next) => this.applySettings(next), this.signal);
    watchCustomEntries(builtIn, (next) => this.takeEntries(next.entries), this.signal);
  }

  get state(): ReaderSnapshot {
    return this.snapshot;
  }

  private update(change: Partial<ReaderSnapshot>) {
    this.snapshot = { ...this.snapshot, ...change };
    this.onChange(this.snapshot);
  }

  currentSettings = (): Settings | undefined => this.settings;
  customEntries = (): readonly Entry[] => this.custom;
  /** The document's host name ('' for a file): its site rule applies. */
  host = (): string => this.doc?.host ?? '';
  enabled = (): boolean => !!this.settings && isSiteEnabled(this.settings, this.host());
  counts = (): Map<string, number> => this.doc?.mentions.counts() ?? new Map();

  private applySettings(settings: Settings) {
    const wasEnabled = this.enabled();
    this.settings = settings;
    this.style.textContent = highlightCss(settings);
    // A highlight switched off carries an attribute the sheet reads (highlight-style.ts).
    markSwitchedOff(this.container.querySelectorAll('[data-glossary-id]'), settings);
    if (wasEnabled !== this.enabled()) this.highlightDrawn();
    this.update({ settings });
  }

  private takeEntries(entries: readonly Entry[]) {
    this.custom = entries;
    this.matcher = lazyMatcher(
      entries.length ? mergePrepared(this.prepared, prepareMatcher([...entries])) : this.prepared,
    );
    if (this.settings) this.applySettings(this.settings);
    const doc = this.doc;
    if (!doc) return;
    // Read again with the new entries: the texts are kept, pdf.js is not asked again.
    doc.mentions = new DocumentMentions(this.matcher);
    doc.read = 0;
    void this.readText(doc);
  }

  /**
   * Opens a document from its bytes (read by the caller from a file or an address). `host` is the
   * site it comes from, '' for a file. A failure leaves the document shown before.
   */
  async open(
    load: (signal: AbortSignal, progress: (share?: number) => void) => Promise<Uint8Array>,
    name: string,
    host: string,
  ) {
    this.opening?.abort();
    const controller = new AbortController();
    this.opening = controller;
    const before = this.snapshot.status;
    this.update({ status: { kind: 'opening', progress: undefined }, problem: undefined });
    let pdf: PDFDocumentProxy;
    try {
      const bytes = await load(controller.signal, (progress) => this.update({ status: { kind: 'opening', progress } }));
      pdf = await openPdf(bytes, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.update({ status: before, problem: error instanceof PdfError ? error.problem : 'damaged' });
      return;
    }
    if (controller.signal.aborted) return;
    this.close();
    // Aborting it destroys pdf.js's document and worker (openPdf) and stops the views and the reading.
    this.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const texts = new Map<number, Promise<TextContent>>();
    const text = (page: number) => {
      let got = texts.get(page);
      if (!got) {
        got = pdf.getPage(page).then((p) => p.getTextContent());
        texts.set(page, got);
      }
      return got;
    };
    const views = new PageViews({
      pdf,
      container: this.container,
      signal: controller.signal,
      text,
      onDrawn: (page, drawn) => this.highlightPage(page, drawn),
      onCurrentPage: (page) => this.update({ page }),
      pageLabel: this.pageLabel,
    });
    const doc: OpenDocument = {
      pdf,
      name,
      host,
      controller,
      views,
      text,
      mentions: new DocumentMentions(this.matcher),
      read: 0,
    };
    this.doc = doc;
    this.update({ status: { kind: 'open', name, pages: pdf.numPages, read: 0, noText: false }, page: 1, mentions: [] });
    await views.start(this.snapshot.zoom);
    void this.readText(doc);
  }

  /** Takes the document away (before another one is shown). */
  private close() {
    this.doc?.controller.abort();
    this.doc = undefined;
    this.container.replaceChildren();
  }

  /** Reads every page's text that is not read yet with the current matcher, then looks again at rejected terms. */
  private async readText(doc: OpenDocument) {
    const { mentions } = doc;
    const signal = doc.controller.signal;
    let chars = 0;
    await readAllText(doc.pdf.numPages, signal, doc.text, (page, content) => {
      if (doc.mentions !== mentions) return;
      const read = mentions.read(page, joinPieces(textPieces(content)));
      chars += mentions.page(page)?.text.text.trim().length ?? 0;
      doc.read = page;
      this.redraw(doc, [page], read.length > 0 || page === doc.pdf.numPages);
    }).catch((error: unknown) => {
      if (!signal.aborted) console.warn('Palermo Lens:', error);
    });
    if (signal.aborted || doc.mentions !== mentions) return;
    this.redraw(doc, mentions.recheck(), true, chars === 0);
  }

  /** Highlights `pages` again where drawn, and tells the page what changed. */
  private redraw(doc: OpenDocument, pages: number[], listChanged: boolean, noText = false) {
    const drawn = new Map(doc.views.drawnPages());
    for (const page of pages) {
      const text = drawn.get(page);
      if (text) this.highlightPage(page, text);
    }
    const status: ReaderStatus = { kind: 'open', name: doc.name, pages: doc.pdf.numPages, read: doc.read, noText };
    // While the text is read, the list is given the mentions at most every LIST_EVERY_MS; at the end, always.
    const list = listChanged && (doc.read === doc.pdf.numPages || performance.now() - this.listedAt >= LIST_EVERY_MS);
    if (list) this.listedAt = performance.now();
    this.update(list ? { status, mentions: [...doc.mentions.pagesByEntry()] } : { status });
  }

  private highlightDrawn() {
    for (const [page, text] of this.doc?.views.drawnPages() ?? []) this.highlightPage(page, text);
  }

  /** Puts the highlights into a drawn page's text layer (taking away any it had). */
  private highlightPage(page: number, drawn: DrawnText) {
    const read = this.doc?.mentions.page(page);
    for (const [i, div] of drawn.divs.entries()) if (div.firstElementChild) div.textContent = drawn.strs[i] ?? '';
    if (!read || !this.enabled()) return;
    const firsts = this.doc?.mentions.firsts() ?? new Map<string, MentionPlace>();
    for (const share of mentionsByPiece(read.text, read.mentions)) {
      const div = drawn.divs[share.piece];
      if (!div) continue;
      const marks: HTMLElement[] = [];
      const nodes = highlightPieces(drawn.strs[share.piece] ?? '', share.mentions, marks);
      const outer = marks.filter((mark) => !mark.hasAttribute('data-glossary-inner'));
      for (const [k, mark] of outer.entries()) {
        const index = share.indices[k] as number;
        mark.setAttribute(PLACE_ATTRIBUTE, `${page}:${index}`);
        if (share.continued[k]) mark.setAttribute(CONTINUED_ATTRIBUTE, '');
        const first = firsts.get(mark.getAttribute('data-glossary-id') ?? '');
        if (first?.page === page && first.index === index) mark.setAttribute('data-glossary-first', '');
      }
      if (this.settings) markSwitchedOff(marks, this.settings);
      div.replaceChildren(...nodes.filter((node) => node.textContent));
    }
  }

  setZoom(zoom: number) {
    this.update({ zoom });
    this.doc?.views.setZoom(zoom, this.snapshot.page);
  }

  goToPage(page: number) {
    this.doc?.views.scrollToPage(page);
  }

  /** Every mention's place, in document order. */
  places = (): MentionPlace[] => this.doc?.mentions.places() ?? [];
  mentionAt = (place: MentionPlace): Mention | undefined => this.doc?.mentions.at(place);
  /** The place of each entry's first mention. */
  firsts = (): Map<string, MentionPlace> => this.doc?.mentions.firsts() ?? new Map();

  /** The first highlight of a mention, its page drawn and brought into view first. */
  async markOf(place: MentionPlace): Promise<Element | undefined> {
    const doc = this.doc;
    if (!doc) return undefined;
    await doc.views.drawnText(place.page);
    const selector = `[${PLACE_ATTRIBUTE}="${place.page}:${place.index}"]:not([${CONTINUED_ATTRIBUTE}])`;
    return this.container.querySelector(selector) ?? undefined;
  }
}
