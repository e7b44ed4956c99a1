/** The types shared by the options page's sections (components/options/). */
import type { Settings } from '../../lib/settings';

export type Update = (change: (s: Settings) => Settings, persist?: boolean) => void;

/** A message shown after an action: a status, or an error with its details. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  details?: string[];
}
