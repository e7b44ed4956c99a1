/**
 * Messages between the extension's contexts, typed and validated where they are received:
 * anything that does not parse is ignored.
 */
import * as v from 'valibot';
import { EntryId } from '../glossary/schema';

/** Requests the popup and the background send to a tab's content script. */
export const ContentRequestSchema = v.variant('type', [
  /** The page's mentions, per entry, in order of first appearance. */
  v.strictObject({ type: v.literal('get-mentions') }),
  /** Scroll to the next mention of an entry and flash it. */
  v.strictObject({ type: v.literal('show-mention'), id: EntryId }),
  /** Move to the next or previous highlight and open its card (keyboard command). */
  v.strictObject({ type: v.literal('step-mention'), direction: v.picklist([1, -1]) }),
]);
export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;

export interface MentionsReply {
  /** Whether the extension highlights on this site. */
  enabled: boolean;
  /** The page's host name: the popup cannot read the tab's URL without the "tabs" permission. */
  hostname: string;
  /** [entry id, number of highlights], in order of first appearance. */
  mentions: [string, number][];
}

/** Requests content scripts and extension pages send to the background. */
export const BackgroundRequestSchema = v.variant('type', [
  /** Open the full glossary (the options page), at an entry. */
  v.strictObject({ type: v.literal('open-glossary'), id: v.optional(EntryId) }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

export const parseContentRequest = (message: unknown): ContentRequest | undefined => {
  const result = v.safeParse(ContentRequestSchema, message);
  return result.success ? result.output : undefined;
};

export const parseBackgroundRequest = (message: unknown): BackgroundRequest | undefined => {
  const result = v.safeParse(BackgroundRequestSchema, message);
  return result.success ? result.output : undefined;
};
