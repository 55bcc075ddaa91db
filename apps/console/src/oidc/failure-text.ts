import type { TFunction } from 'i18next';
import { OidcError } from './oidc-error';

/** The words for a failed sign-in through the provider (the provider's error code as plain text). */
export function failureText(t: TFunction, error: unknown, providerName: string): string {
  if (!(error instanceof OidcError)) return t('oidc.errors.network');
  if (error.reason === 'provider' && error.code) return t('oidc.errors.providerCode', { code: error.code });
  return t(`oidc.errors.${error.reason}`, { name: providerName });
}
