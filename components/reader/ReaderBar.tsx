/**
 * The reader's bar: open a file, the document's name, page navigation and count, zoom, and what is
 * going on (loading progress, the reading of the document's text, a file that could not be opened).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { MAX_PDF_BYTES } from '../../page/pdf-document';
import type { Reader, ReaderSnapshot } from '../../page/reader';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

function Status(props: { snapshot: ReaderSnapshot }) {
  const { status, problem } = props.snapshot;
  const megabytes = String(MAX_PDF_BYTES / 1024 / 1024);
  return (
    <div class="rd-status">
      {problem && (
        <p class="rd-problem" role="alert" data-problem={problem}>
          {t(`reader_problem_${problem.replace('-', '_')}`, megabytes)}
        </p>
      )}
      {status.kind === 'opening' && (
        <label class="rd-progress">
          {t('reader_loading')}
          <progress max={1} value={status.progress} />
        </label>
      )}
      {status.kind === 'open' && status.read < status.pages && (
        <label class="rd-progress">
          {t('reader_reading', [String(status.read), String(status.pages)])}
          <progress max={status.pages} value={status.read} />
        </label>
      )}
      {status.kind === 'open' && status.noText && (
        <p class="rd-problem" role="alert" data-problem="no-text">
          {t('reader_problem_no_text')}
        </p>
      )}
    </div>
  );
}

export function ReaderBar(props: {
  snapshot: ReaderSnapshot | undefined;
  reader: Reader | undefined;
  onFile: (file: File | undefined) => void;
}) {
  const { snapshot, reader } = props;
  const open = snapshot?.status.kind === 'open' ? snapshot.status : undefined;
  const [typed, setTyped] = useState('1');
  useEffect(() => setTyped(String(snapshot?.page ?? 1)), [snapshot?.page]);
  const go = (page: number) => {
    if (!open) return;
    reader?.goToPage(Math.min(open.pages, Math.max(1, page)));
  };
  const zoomAt = ZOOMS.indexOf(snapshot?.zoom ?? 1);
  return (
    <header class="rd-bar">
      <h1 class="rd-title">{t('reader_title')}</h1>
      <label class="pl-button rd-button rd-file">
        {t('reader_openFile')}
        <input
          type="file"
          accept="application/pdf,.pdf"
          onChange={(event) => {
            props.onFile(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
        />
      </label>
      {open && (
        <>
          <span class="rd-name" title={open.name}>
            {open.name}
          </span>
          <nav class="rd-nav" aria-label={t('reader_navigation')}>
            <button type="button" class="pl-button rd-button" onClick={() => go((snapshot?.page ?? 1) - 1)}>
              {t('reader_previousPage')}
            </button>
            <label class="rd-page-input">
              <span class="pl-sr-only">{t('reader_pageNumber')}</span>
              <input
                type="number"
                min={1}
                max={open.pages}
                value={typed}
                onInput={(event) => setTyped(event.currentTarget.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') go(Number(typed));
                }}
              />
            </label>
            <span class="rd-count">{t('reader_pageCount', String(open.pages))}</span>
            <button type="button" class="pl-button rd-button" onClick={() => go((snapshot?.page ?? 1) + 1)}>
              {t('reader_nextPage')}
            </button>
          </nav>
          <fieldset class="rd-zoom">
            <legend class="pl-sr-only">{t('reader_zoom')}</legend>
            <button
              type="button"
              class="pl-button rd-button"
              aria-label={t('reader_zoomOut')}
              disabled={zoomAt <= 0}
              onClick={() => reader?.setZoom(ZOOMS[zoomAt - 1] ?? 1)}
            >
              −
            </button>
            <output class="rd-zoom-value">{Math.round((snapshot?.zoom ?? 1) * 100)} %</output>
            <button
              type="button"
              class="pl-button rd-button"
              aria-label={t('reader_zoomIn')}
              disabled={zoomAt >= ZOOMS.length - 1}
              onClick={() => reader?.setZoom(ZOOMS[zoomAt + 1] ?? 1)}
            >
              +
            </button>
          </fieldset>
        </>
      )}
      {snapshot && <Status snapshot={snapshot} />}
    </header>
  );
}
