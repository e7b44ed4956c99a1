/**
 * The settings model: one typed object (stored by storage.ts). Whatever comes out of
 * storage or an import is validated here; a field that is missing or invalid takes its default,
 * so an old or damaged value never breaks a page. Pure: no browser APIs.
 */
import * as v from 'valibot';
import { CATEGORIES, CATEGORY_INFO, type Category } from '../glossary/categories';
import { EntryId } from '../glossary/schema';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'both'] as const;
export const CARD_LANGUAGES = ['page', 'en', 'fr'] as const;
export const SITE_MODES = ['all-except', 'only'] as const;
/**
 * When the content script runs: on every page (registered for all pages), or only on a tab where
 * the user asks for it (the toolbar button's popup or the highlight-page shortcut), and on no
 * page before (lib/content-scripts.ts).
 */
export const ACTIVATIONS = ['always', 'on-request'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
export const HOVER_DELAY = { min: 100, max: 1500, default: 250 } as const;

const Color = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f6feb'));
const Hostname = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$/, 'must be a host name like example.org'),
);

const CategorySetting = v.strictObject({ enabled: v.boolean(), color: Color });

export const SettingsSchema = v.strictObject({
  categories: v.strictObject(
    Object.fromEntries(CATEGORIES.map((c) => [c, CategorySetting])) as Record<Category, typeof CategorySetting>,
  ),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  firstMentionOnly: v.boolean(),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY.min), v.maxValue(HOVER_DELAY.max)),
  cardLanguage: v.picklist(CARD_LANGUAGES),
  siteMode: v.picklist(SITE_MODES),
  sites: v.pipe(v.array(Hostname), v.maxLength(1000, 'at most 1000 sites')),
  hiddenEntries: v.pipe(v.array(EntryId), v.maxLength(1000)),
  // Optional in a settings file: files exported before it existed still import.
  activation: v.optional(v.picklist(ACTIVATIONS), 'always'),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  categories: Object.fromEntries(
    CATEGORIES.map((c) => [c, { enabled: true, color: CATEGORY_INFO[c].color }]),
  ) as Record<Category, { enabled: boolean; color: string }>,
  highlightStyle: 'underline',
  firstMentionOnly: false,
  hoverDelayMs: HOVER_DELAY.default,
  cardLanguage: 'page',
  siteMode: 'all-except',
  sites: [],
  hiddenEntries: [],
  activation: 'always',
};

/** `schema`, or a copy of `value` when the input does not fit it (or is missing). */
const orDefault = <TSchema extends v.GenericSchema>(schema: TSchema, value: v.InferOutput<TSchema>) =>
  v.fallback(schema, () => structuredClone(value));

/** A category's setting, its unknown fields dropped, or its default. */
const lenientCategorySetting = (c: Category) =>
  orDefault(v.object(CategorySetting.entries), DEFAULT_SETTINGS.categories[c]);

/**
 * The lenient reading of SettingsSchema: each field, and each category's setting, that is missing
 * or invalid takes its default on its own; unknown fields (a newer version's) are dropped.
 */
const LenientSettingsSchema = orDefault(
  v.object({
    categories: orDefault(
      v.object(
        Object.fromEntries(CATEGORIES.map((c) => [c, lenientCategorySetting(c)])) as Record<
          Category,
          ReturnType<typeof lenientCategorySetting>
        >,
      ),
      DEFAULT_SETTINGS.categories,
    ),
    highlightStyle: orDefault(SettingsSchema.entries.highlightStyle, DEFAULT_SETTINGS.highlightStyle),
    firstMentionOnly: orDefault(SettingsSchema.entries.firstMentionOnly, DEFAULT_SETTINGS.firstMentionOnly),
    hoverDelayMs: orDefault(SettingsSchema.entries.hoverDelayMs, DEFAULT_SETTINGS.hoverDelayMs),
    cardLanguage: orDefault(SettingsSchema.entries.cardLanguage, DEFAULT_SETTINGS.cardLanguage),
    siteMode: orDefault(SettingsSchema.entries.siteMode, DEFAULT_SETTINGS.siteMode),
    sites: orDefault(SettingsSchema.entries.sites, DEFAULT_SETTINGS.sites),
    hiddenEntries: orDefault(SettingsSchema.entries.hiddenEntries, DEFAULT_SETTINGS.hiddenEntries),
    activation: orDefault(v.picklist(ACTIVATIONS), DEFAULT_SETTINGS.activation),
  } satisfies Record<keyof Settings, v.GenericSchema>),
  DEFAULT_SETTINGS,
);

/** Settings from anything (storage, an older version): valid fields are kept, the rest take their defaults. */
export const normalizeSettings = (input: unknown): Settings => v.parse(LenientSettingsSchema, input);

/** Strict parsing, for imports: the messages name the field. */
export function parseSettings(input: unknown): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const result = v.safeParse(SettingsSchema, input);
  if (result.success) return { ok: true, settings: result.output };
  return {
    ok: false,
    errors: result.issues.map((issue) => `${v.getDotPath(issue) || 'settings'}: ${issue.message}`),
  };
}
