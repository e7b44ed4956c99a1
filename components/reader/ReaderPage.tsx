/**
 * The PDF reader page (reader.html): a bar with the ways to open a document (file input, and a
 * file dropped anywhere on the page; nothing leaves the machine), page navigation, zoom and the
 * loading progress; the document's mentions by entry with their pages at the side; the pages
 * drawn by page/reader.ts, highlighted and with the same card as web pages. `?src=URL` opens a
 * document from its address (the popup's "Open in Palermo Lens").
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { glossary } from '../../glossary';
import { mergeEntries } from '../../glossary/merge';
import type { PreparedMatcher } from '../../glossary/prepare-matcher';
import { t, uiLanguage } from '../../lib/i18n';
import type { BackgroundRequest } from '../../lib/messages';
import type { Settings } from '../../lib/settings';
import { withSiteEnabled } from '../../lib/sites';
import { saveSettings } from '../../lib/storage';
import { fetchPdf, readBytes } from '../../page/pdf-document';
import { Reader, type ReaderSnapshot } from '../../page/reader';
import { answerInReader } from '../../page/reader-messages';
import { createCard } from '../card/Card';
import { MentionList } from './MentionList';
import { ReaderBar } from './ReaderBar';
import '../theme.css';
import '../entry-view.css';
import './reader.css';

/** The address in `?src=`, if it is one the reader may fetch (http or https). */
export function sourceFromSearch(search: string): URL | undefined {
  const src = new URLSearchParams(search).get('src');
  if (!src) return undefined;
  try {
    const url = new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function ReaderPage(props: { prepared: PreparedMatcher }) {
  const lang = useMemo(uiLanguage, []);
  const pages = useRef<HTMLDivElement>(null);
  const [reader, setReader] = useState<Reader>();
  const [snapshot, setSnapshot] = useState<ReaderSnapshot>();
  const [dragging, setDragging] = useState(false);
  const source = useMemo(() => sourceFromSearch(location.search), []);

  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('reader_title');
  }, [lang]);

  useEffect(() => {
    if (!pages.current) return;
    // The card's and the messages' owner: the page's life (an extension page is never invalidated).
    const ctx = new ContentScriptContext('reader', { noScriptStartedPostMessage: true });
    const engine = new Reader(props.prepared, pages.current, ctx.signal, setSnapshot, (page) =>
      t('reader_pageLabel', String(page)),
    );
    const update = (change: (settings: Settings) => Settings) => {
      const settings = engine.currentSettings();
      if (settings) void saveSettings(change(settings)).catch((error) => console.warn('Palermo Lens:', error));
    };
    const card = createCard({
      ctx,
      settings: engine.currentSettings,
      customEntries: engine.customEntries,
      onHideEntry: (id) => update((s) => ({ ...s, hiddenEntries: [...new Set([...s.hiddenEntries, id])] })),
      onSiteOff: () => update((s) => withSiteEnabled(s, engine.host(), false)),
      onOpenGlossary: (id) => {
        const request: BackgroundRequest = { type: 'open-glossary', id };
        void browser.runtime.sendMessage(request);
      },
    });
    answerInReader(ctx, engine, card);
    setReader(engine);
    setSnapshot(engine.state);
    void engine.start().then(() => {
      if (source)
        void engine.open((signal, progress) => fetchPdf(source.href, signal, progress), source.href, source.hostname);
    });
    return () => ctx.notifyInvalidated();
  }, [props.prepared, source]);

  const openFile = (file: File | undefined) => {
    if (!file || !reader) return;
    void reader.open((_, progress) => readBytes(file.stream(), file.size, progress), file.name, '');
  };
  const dropped = useRef(openFile);
  dropped.current = openFile;

  // A file dropped anywhere on the page is opened; the listeners go with the page's owner.
  useEffect(() => {
    const controller = new AbortController();
    const options = { signal: controller.signal };
    document.addEventListener(
      'dragover',
      (event) => {
        event.preventDefault();
        setDragging(true);
      },
      options,
    );
    document.addEventListener(
      'dragleave',
      (event) => {
        if (event.relatedTarget === null) setDragging(false);
      },
      options,
    );
    document.addEventListener(
      'drop',
      (event) => {
        event.preventDefault();
        setDragging(false);
        dropped.current(event.dataTransfer?.files[0]);
      },
      options,
    );
    return () => controller.abort();
  }, []);

  // Drawn again only when the mentions or the settings change, not at every page scrolled to.
  const mentions = snapshot?.status.kind === 'open' ? snapshot.mentions : undefined;
  const settings = snapshot?.settings;
  const list = useMemo(() => {
    if (!mentions || !reader) return null;
    const entries = new Map(mergeEntries(glossary, reader.customEntries()).map((e) => [e.id, e]));
    return <MentionList mentions={mentions} settings={settings} entries={entries} lang={lang} reader={reader} />;
  }, [mentions, settings, reader, lang]);

  return (
    <div class={`rd${dragging ? ' rd--dragging' : ''}`}>
      <ReaderBar snapshot={snapshot} reader={reader} onFile={openFile} />
      <div class="rd-body">
        {list}
        <main class="rd-main">
          {snapshot?.status.kind === 'empty' && !source && (
            <div class="rd-empty">
              <p>{t('reader_empty')}</p>
              <p class="rd-note">{t('reader_private')}</p>
            </div>
          )}
          <div class="rd-pages" ref={pages} />
        </main>
      </div>
    </div>
  );
}
