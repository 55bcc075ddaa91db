import { ENUM_VALUES } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

type CountryField =
  'RegisterCaseDto.countryOfExploitation' | 'PersonDto.citizenship' | 'RegisterPartnerDto.country';

/** The codes the API accepts for a country field, named in the user's language, sorted by that name. */
export function useCountryOptions() {
  const format = useFormat();
  const { t } = useTranslation();
  return (field: CountryField) =>
    ENUM_VALUES[field]
      .map((code) => ({
        value: code,
        label: /^[A-Z]{2}$/.test(code) ? format.country(code) : t(`countries.${code}`),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
}
