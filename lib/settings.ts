/**
 * The settings model: one typed object (stored by settings-storage.ts). Whatever comes out of
 * storage or an import is validated here; a field that is missing or invalid takes its default,
 * so an old or damaged value never breaks a page. Pure: no browser APIs.
 */
import * as v from 'valibot';
import { CATEGORIES, CATEGORY_INFO, type Category } from '../glossary/categories';
import { EntryId } from '../glossary/schema';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'both'] as const;
export const CARD_LANGUAGES = ['page', 'en', 'fr'] as const;
export const SITE_MODES = ['all-except', 'only'] as const;
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
};

/** Settings from anything: valid fields are kept, the rest take their defaults. */
export function normalizeSettings(input: unknown): Settings {
  if (typeof input !== 'object' || input === null) return structuredClone(DEFAULT_SETTINGS);
  const raw = input as Record<string, unknown>;
  const out = structuredClone(DEFAULT_SETTINGS) as Record<string, unknown>;
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    if (key === 'categories') continue;
    const parsed = v.safeParse(schema, raw[key]);
    if (parsed.success) out[key] = parsed.output;
  }
  const categories = out.categories as Settings['categories'];
  const rawCategories = (raw.categories ?? {}) as Record<string, unknown>;
  for (const c of CATEGORIES) {
    const parsed = v.safeParse(CategorySetting, rawCategories[c]);
    if (parsed.success) categories[c] = parsed.output;
  }
  return out as Settings;
}

/** Strict parsing, for imports: the messages name the field. */
export function parseSettings(input: unknown): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const result = v.safeParse(SettingsSchema, input);
  if (result.success) return { ok: true, settings: result.output };
  return {
    ok: false,
    errors: result.issues.map(
      (i) => `${(i.path ?? []).map((p) => String(p.key)).join('.') || 'settings'}: ${i.message}`,
    ),
  };
}

/** Whether the extension highlights on a page of this host. A listed domain covers its subdomains. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  const listed = settings.sites.some((site) => host === site || host.endsWith(`.${site}`));
  return settings.siteMode === 'all-except' ? !listed : listed;
}

/** The settings after switching the extension on or off for this host. */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  const covering = (site: string) => hostname.toLowerCase() === site || hostname.toLowerCase().endsWith(`.${site}`);
  const listed = settings.siteMode === 'all-except' ? !enabled : enabled;
  const sites = settings.sites.filter((s) => !covering(s));
  return { ...settings, sites: listed ? [...sites, host] : sites };
}
