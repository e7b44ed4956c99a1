/**
 * Opening a PDF with pdf.js, for the reader: its worker is a file of the extension (bundled, never
 * fetched from elsewhere), nothing in the PDF runs (pdf.js 6 has no script or eval path left, and
 * the extension pages' CSP forbids both; XFA forms are off), and each way a file can fail is told
 * apart so the reader can say which (not a PDF, damaged, encrypted, too big). Also the reading of
 * every page's text in the background, in slices between which the page handles input.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { looksLikePdf, type TextPiece } from './pdf-text';

/** Larger files are refused: pdf.js holds the whole file in memory, twice (page and worker). */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

export type PdfProblem = 'not-pdf' | 'damaged' | 'encrypted' | 'too-big' | 'unreachable';

export class PdfError extends Error {
  constructor(
    readonly problem: PdfProblem,
    detail?: string,
  ) {
    super(detail ?? problem);
  }
}

/** Reads a stream into memory, reporting progress, and refusing it past MAX_PDF_BYTES. */
export async function readBytes(
  stream: ReadableStream<Uint8Array>,
  total: number | undefined,
  onProgress: (share: number | undefined) => void,
): Promise<Uint8Array> {
  if (total !== undefined && total > MAX_PDF_BYTES) throw new PdfError('too-big');
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.length;
    if (loaded > MAX_PDF_BYTES) {
      await reader.cancel();
      throw new PdfError('too-big');
    }
    chunks.push(value);
    onProgress(total ? loaded / total : undefined);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** Fetches a PDF from its address (the reader's `?src=`), with the same limit. */
export async function fetchPdf(url: string, signal: AbortSignal, onProgress: (share?: number) => void) {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new PdfError('unreachable', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok || !response.body) throw new PdfError('unreachable', `HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length'));
  return readBytes(response.body, length > 0 ? length : undefined, onProgress);
}

/** Opens a PDF from its bytes; fails with a PdfError saying what is wrong with it. */
export async function openPdf(bytes: Uint8Array, signal: AbortSignal): Promise<PDFDocumentProxy> {
  if (bytes.length > MAX_PDF_BYTES) throw new PdfError('too-big');
  if (!looksLikePdf(bytes)) throw new PdfError('not-pdf');
  GlobalWorkerOptions.workerSrc = workerUrl;
  const task = getDocument({
    data: bytes,
    enableXfa: false,
    // Fonts a PDF names without embedding them are drawn with the system's fonts: nothing is fetched.
    useSystemFonts: true,
    stopAtErrors: false,
  });
  signal.addEventListener('abort', () => void task.destroy(), { once: true });
  try {
    const pdf = await task.promise;
    // A file whose structure pdf.js rebuilt may still fail on its first page: damaged all the same.
    await pdf.getPage(1);
    return pdf;
  } catch (error) {
    void task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new PdfError('encrypted');
    throw new PdfError('damaged', error instanceof Error ? error.message : String(error));
  }
}

/** The pieces of a page's text as pdf-text.ts joins them (marked-content items have no text). */
export const textPieces = (content: TextContent): TextPiece[] =>
  content.items.map((item) => {
    const text = item as TextItem;
    return { str: text.str ?? '', hasEOL: text.hasEOL ?? false, y: text.transform?.[5] ?? 0, height: text.height ?? 0 };
  });

/** Reading one page's text stays under this, so that input is never kept waiting longer. */
const SLICE_MS = 30;

/**
 * Reads every page's text, in order, handing each to `onPage`, until done or the signal aborts.
 * pdf.js extracts text in its worker; what runs here is the joining and matching of one page at a
 * time, each in its own task, when the browser is idle.
 */
export async function readAllText(
  pages: number,
  signal: AbortSignal,
  text: (page: number) => Promise<TextContent>,
  onPage: (page: number, content: TextContent) => void,
): Promise<void> {
  for (let page = 1; page <= pages && !signal.aborted; page++) {
    const content = await text(page);
    await idle(signal);
    if (!signal.aborted) onPage(page, content);
  }
}

/** Resolves when the browser is idle (or after SLICE_MS at most), so background work waits for input. */
const idle = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: SLICE_MS });
    else setTimeout(resolve, 0);
  });
