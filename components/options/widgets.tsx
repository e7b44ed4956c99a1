/** The small widgets and helpers shared by the options page's sections. */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { fileSizeError } from '../../glossary/json-file';
import { t } from '../../lib/i18n';
import type { Notice } from './types';

/** Errors shown for one refused file: enough to fix it, not a wall of text. */
const MAX_SHOWN_ERRORS = 20;

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Offers `text` as a file download. */
export function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const today = () => new Date().toISOString().slice(0, 10);

/** The text of a chosen file, unless it is over `maxBytes` (checked before reading it). */
export async function readChosenFile(input: HTMLInputElement, maxBytes: number): Promise<string | { error: string }> {
  const file = input.files?.[0];
  input.value = ''; // the same file can be chosen again
  if (!file) return { error: '' };
  const tooLarge = fileSizeError(file.size, maxBytes);
  if (tooLarge) return { error: tooLarge };
  return file.text();
}

function NoticeBody({ notice }: { notice: Notice }) {
  const { details = [] } = notice;
  return (
    <div class={`op-notice op-notice--${notice.kind}`}>
      <p class="op-notice__text">{notice.text}</p>
      {details.length > 0 && (
        <ul class="op-notice__details">
          {details.slice(0, MAX_SHOWN_ERRORS).map((d, i) => (
            // The details come from lib/ (file checks, storage): in English.
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, replaced as a whole
            <li key={i} lang="en">
              {d}
            </li>
          ))}
          {details.length > MAX_SHOWN_ERRORS && (
            <li>{t('options_moreErrors', String(details.length - MAX_SHOWN_ERRORS))}</li>
          )}
        </ul>
      )}
    </div>
  );
}

/**
 * Where an action's outcome appears: a status region and an alert region, both always in the
 * page so that what appears in them is announced.
 */
export function NoticeView({ notice, id }: { notice: Notice | null; id: string }) {
  return (
    <div id={id} class="op-notice-area">
      <div role="status">{notice?.kind === 'ok' && <NoticeBody notice={notice} />}</div>
      <div role="alert">{notice?.kind === 'error' && <NoticeBody notice={notice} />}</div>
    </div>
  );
}

export function Section(props: {
  id: string;
  title: string;
  intro?: string;
  children: ComponentChildren;
  class?: string;
}) {
  return (
    <section id={props.id} class={`op-section ${props.class ?? ''}`} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} class="op-section__title" tabIndex={-1}>
        {props.title}
      </h2>
      {props.intro && <p class="op-hint">{props.intro}</p>}
      {props.children}
    </section>
  );
}

/** A group of radio buttons for one setting. */
export function Choice<T extends string>(props: {
  legend: string;
  name: string;
  value: T;
  options: readonly T[];
  label: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="op-fieldset">
      <legend class="op-legend">{props.legend}</legend>
      <div class="op-choices">
        {props.options.map((option) => (
          <label key={option} class="op-choice">
            <input
              type="radio"
              name={props.name}
              value={option}
              checked={props.value === option}
              onChange={() => props.onChange(option)}
            />
            <span>{props.label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A button that asks for confirmation in place (a second button), not with window.confirm. */
export function ConfirmButton(props: {
  label: string;
  confirmLabel: string;
  warning: string;
  onConfirm: () => void;
  small?: boolean;
}) {
  const size = props.small ? ' op-button--small' : '';
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const warningId = useId();
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button ref={startRef} type="button" class={`op-button${size}`} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  const done = () => {
    setAsking(false);
    // Back on the first button once it is there again.
    setTimeout(() => startRef.current?.focus(), 0);
  };
  return (
    <div class="op-confirm">
      <p id={warningId} class="op-confirm__warning">
        {props.warning}
      </p>
      <button
        ref={confirmRef}
        type="button"
        class={`op-button op-button--danger${size}`}
        aria-describedby={warningId}
        onClick={() => {
          props.onConfirm();
          done();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" class={`op-button${size}`} onClick={done}>
        {t('options_cancel')}
      </button>
    </div>
  );
}
