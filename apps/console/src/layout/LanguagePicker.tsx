import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n/i18n';

/** Each language named in itself, so a person who cannot read the current one finds theirs. */
const NAMES: Record<Language, string> = { en: 'English', ro: 'Română', ru: 'Русский' };

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={i18n.language}
      onChange={(event) => chooseLanguage(event.currentTarget.value as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: NAMES[language] }))}
      size="xs"
    />
  );
}
