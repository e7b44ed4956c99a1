/**
 * Messages between the extension's contexts, typed and validated where they are received:
 * anything that does not parse is ignored. Also the link to an entry of the full glossary
 * (`options.html#entry=ID`), which the background opens and the options page reads.
 */
import * as v from 'valibot';
import { EntryId, EntrySchema } from '../glossary/schema';

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

/** The content script's answer to get-mentions. */
export const MentionsReplySchema = v.strictObject({
  /** Whether the extension highlights on this site. */
  enabled: v.boolean(),
  /**
   * The page's host name (empty where there is none, as on files): the popup cannot read the
   * tab's URL without the "tabs" permission.
   */
  hostname: v.string(),
  /** [entry id, number of highlights], in order of first appearance. */
  mentions: v.array(v.tuple([v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))])),
});
export type MentionsReply = v.InferOutput<typeof MentionsReplySchema>;

/** Requests content scripts and extension pages send to the background. */
export const BackgroundRequestSchema = v.variant('type', [
  /** Open the full glossary (the options page), at an entry. */
  v.strictObject({ type: v.literal('open-glossary'), id: v.optional(EntryId) }),
  /** Put the card's script into the sender's frame: the content script asks at the card's first use. */
  v.strictObject({ type: v.literal('load-card') }),
  /**
   * Put the highlighter's script into the sender's frame: the content script asks when its first
   * look finds a candidate, or when the popup or a shortcut first asks it something.
   */
  v.strictObject({ type: v.literal('load-engine') }),
  /**
   * The words each of the user's entries requires (glossary/look-words.ts, for the content
   * script's first look), from the entries as storage holds them (anything): checked first.
   */
  v.strictObject({ type: v.literal('custom-look-terms'), value: v.unknown() }),
  /** Built-in entries by id, for the card: the content script carries no entry texts. */
  v.strictObject({ type: v.literal('get-entries'), ids: v.pipe(v.array(EntryId), v.maxLength(1000)) }),
  /**
   * The user's entries as storage holds them (anything), to be checked against the built-in
   * glossary, which only the background holds.
   */
  v.strictObject({ type: v.literal('check-custom-entries'), value: v.unknown() }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequestSchema>;

/** The background's answer to get-entries: the built-in entries it has of those asked for. */
export const EntriesReplySchema = v.array(EntrySchema);

/** The background's answer to check-custom-entries: the valid entries, and what it left out and why. */
export const CustomEntriesReplySchema = v.strictObject({
  entries: v.array(EntrySchema),
  /** Each entry left out, described for people (glossary/custom-entries.ts describeDropped). */
  dropped: v.array(v.string()),
});
export type CustomEntriesReply = v.InferOutput<typeof CustomEntriesReplySchema>;

export const parseContentRequest = (message: unknown): ContentRequest | undefined => {
  const result = v.safeParse(ContentRequestSchema, message);
  return result.success ? result.output : undefined;
};

export const parseBackgroundRequest = (message: unknown): BackgroundRequest | undefined => {
  const result = v.safeParse(BackgroundRequestSchema, message);
  return result.success ? result.output : undefined;
};

export const parseMentionsReply = (message: unknown): MentionsReply | undefined => {
  const result = v.safeParse(MentionsReplySchema, message);
  return result.success ? result.output : undefined;
};

export const parseEntriesReply = (message: unknown): v.InferOutput<typeof EntriesReplySchema> | undefined => {
  const result = v.safeParse(EntriesReplySchema, message);
  return result.success ? result.output : undefined;
};

export const parseCustomEntriesReply = (message: unknown): CustomEntriesReply | undefined => {
  const result = v.safeParse(CustomEntriesReplySchema, message);
  return result.success ? result.output : undefined;
};

/** The options page's address (for `runtime.getURL`), at an entry of the full glossary if `id` is given. */
export const glossaryAddress = (id?: string): `/options.html${string}` =>
  id === undefined ? '/options.html' : `/options.html#entry=${encodeURIComponent(id)}`;

/** The PDF reader's address (for `runtime.getURL`), opening the PDF at `src` if given. */
export const readerAddress = (src?: string): `/reader.html${string}` =>
  src === undefined ? '/reader.html' : `/reader.html?src=${encodeURIComponent(src)}`;

/**
 * The entry id in the options page's address hash (`#entry=ID`), or undefined when there is none
 * or it cannot be an id. Whether the glossary has that entry is the page's to check.
 */
export function entryIdFromHash(hash: string): string | undefined {
  const id = new URLSearchParams(hash.replace(/^#/, '')).get('entry');
  return id !== null && v.is(EntryId, id) ? id : undefined;
}
