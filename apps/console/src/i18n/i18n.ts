import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { mergeLocaleFiles } from './merge-locale-files';

/** English for partners; Romanian and Russian, the languages of Moldova's national referral system. */
export const LANGUAGES = ['en', 'ro', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The remembered choice: a preference, not personal data. */
const STORAGE_KEY = 'nrm.language';

// One file per feature and language (locales/<language>/<feature>.json), merged into one resource each.
// English, the fallback, comes with the first load; another language is fetched when first chosen, so
// the first load does not carry three languages' texts.
const english = import.meta.glob<{ default: Record<string, unknown> }>('./locales/en/*.json', {
  eager: true,
});
const others = import.meta.glob<{ default: Record<string, unknown> }>([
  './locales/*/*.json',
  '!./locales/en/*.json',
]);
const resources = mergeLocaleFiles(
  Object.entries(english).map(([path, module]) => ({ path, content: module.default })),
  ['en'],
);

/** Adds `language`'s texts to i18next, fetching them the first time. */
async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  const files = await Promise.all(
    Object.entries(others)
      .filter(([path]) => path.split('/').at(-2) === language)
      .map(async ([path, load]) => ({ path, content: (await load()).default })),
  );
  const merged = mergeLocaleFiles(files, [language]);
  i18n.addResourceBundle(language, 'translation', merged[language].translation);
}

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(stored as Language)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return LANGUAGES.includes(browser as Language) ? (browser as Language) : 'en';
}

const initial = initialLanguage();
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  // React escapes what it renders: names and free text are always text, never markup.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Settles once the remembered (or the browser's) language is in place: render after it. */
export const i18nReady: Promise<void> = chooseInitial(initial);

async function chooseInitial(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void loadLanguage(language).then(async () => {
    await i18n.changeLanguage(language);
    document.documentElement.lang = language;
  });
}

export default i18n;
