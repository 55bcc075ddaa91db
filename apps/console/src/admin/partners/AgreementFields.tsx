import { Fieldset, MultiSelect, Stack, TextInput } from '@mantine/core';
import { ENUM_VALUES } from '@nrm/api-client';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PURPOSES, type AgreementValues } from './agreement';

/** The paths a 400 names the agreement's fields with (the forms put them next to these inputs). */
export const AGREEMENT_FIELDS = [
  'agreement.reference',
  'agreement.validUntil',
  ...PURPOSES.map((purpose) => `agreement.fields.${purpose}`),
];

/**
 * The data-sharing agreement's inputs, inside a form whose values hold `agreement`: which fields may
 * travel for which purpose, chosen from the node's ceiling (the API's list of shareable fields).
 */
export function AgreementFields() {
  const { t } = useTranslation();
  const { register, control, formState } = useFormContext<{ agreement: AgreementValues }>();
  const errors = formState.errors.agreement;
  return (
    <Fieldset legend={t('admin.agreement.legend')}>
      <Stack>
        <TextInput
          label={t('admin.agreement.reference')}
          description={t('admin.agreement.referenceHelp')}
          required
          error={errors?.reference?.message}
          {...register('agreement.reference', { required: t('form.required') })}
        />
        {PURPOSES.map((purpose) => (
          <Controller
            key={purpose}
            name={`agreement.fields.${purpose}`}
            control={control}
            render={({ field, fieldState }) => (
              <MultiSelect
                label={t(`admin.agreement.purposes.${purpose}`)}
                searchable
                data={ENUM_VALUES[`AgreementFieldsDto.${purpose}`].map((value) => ({
                  value,
                  label: t(`admin.shareable.${value}`),
                }))}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
        ))}
        <TextInput
          type="date"
          label={t('admin.agreement.validUntil')}
          description={t('admin.agreement.validUntilHelp')}
          error={errors?.validUntil?.message}
          {...register('agreement.validUntil')}
        />
      </Stack>
    </Fieldset>
  );
}
