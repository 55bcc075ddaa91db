import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeLocaleFiles } from './merge-locale-files';

/** English for partners; Romanian and Russian, the languages of Moldova's national referral system. */
export const LANGUAGES = ['en', 'ro', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The remembered choice: a preference, not personal data. */
const STORAGE_KEY = 'nrm.language';

// One file per feature and language (locales/<language>/<feature>.json), merged into one resource each.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources = mergeLocaleFiles(
  Object.entries(files).map(([path, module]) => ({ path, content: module.default })),
  LANGUAGES,
);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored as Language)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return LANGUAGES.includes(browser as Language) ? (browser as Language) : 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes what it renders: names and free text are always text, never markup.
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function chooseLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export default i18n;
