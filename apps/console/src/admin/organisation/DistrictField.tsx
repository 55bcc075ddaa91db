import { Select } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useDistrictOptions } from './use-organisation';

/**
 * The optional district of a registration, from the node's registry: without one the case is
 * registered in the district of the user's agency. For forms inside a react-hook-form FormProvider.
 */
export function DistrictField() {
  const { t } = useTranslation();
  const options = useDistrictOptions();
  const { control } = useFormContext<{ district?: string }>();
  return (
    <Controller
      name="district"
      control={control}
      render={({ field, fieldState }) => (
        <Select
          label={t('organisation.district')}
          description={t('organisation.registrationDistrictHelp')}
          searchable
          clearable
          data={options}
          error={fieldState.error?.message}
          {...field}
          value={field.value || null}
          onChange={(value) => field.onChange(value ?? '')}
        />
      )}
    />
  );
}
