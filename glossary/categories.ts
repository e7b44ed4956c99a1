/**
 * The glossary's categories: the one list (the schema checks entries against it, the settings
 * hold a switch and a colour for each) and how each is shown everywhere.
 */
import type { Bilingual } from './schema';

export const CATEGORIES = [
  'instruments',
  'bodies',
  'mechanisms',
  'initiatives',
  'civil-society',
  'exploitation',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How each category is shown everywhere: its label and its default colour. */
export const CATEGORY_INFO: Record<Category, { label: Bilingual; color: string }> = {
  instruments: { label: { en: 'Instruments', fr: 'Instruments' }, color: '#1f6feb' },
  bodies: { label: { en: 'Bodies', fr: 'Organismes' }, color: '#8250df' },
  mechanisms: {
    label: { en: 'Monitoring mechanisms and mandates', fr: 'Mécanismes de suivi et mandats' },
    color: '#bf3989',
  },
  initiatives: { label: { en: 'Initiatives and programmes', fr: 'Initiatives et programmes' }, color: '#1a7f37' },
  'civil-society': { label: { en: 'Civil society', fr: 'Société civile' }, color: '#9a6700' },
  exploitation: {
    label: { en: 'Crimes and forms of exploitation', fr: 'Crimes et formes d’exploitation' },
    color: '#cf222e',
  },
};
