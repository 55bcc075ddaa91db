import { useTranslation } from 'react-i18next';

/** Dates and numbers in the user's language (Intl), never hand-formatted. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    date: (iso: string | undefined) =>
      iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : '—',
    dateTime: (iso: string | undefined) =>
      iso
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
        : '—',
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
    country: (code: string | undefined) => {
      if (!code) return '—';
      if (!/^[A-Z]{2}$/.test(code)) return code;
      return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
    },
    /** Whole days from now to `iso` (negative: past). */
    daysLeft: (iso: string) => Math.ceil((new Date(iso).getTime() - Date.now()) / 86_400_000),
  };
}
