import { Checkbox, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ENUM_VALUES, type Schema } from '@nrm/api-client';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCountryOptions } from '../../forms/country-options';
import { options } from '../detail/common/options';

/** A registration form's values as this fieldset reads them: the person, as the API names it. */
interface WithPerson {
  person: Schema<'PersonDto'>;
}

/** The person as the API takes it: fields left empty are absent (a pseudonym instead of the names). */
export function personBody(person: Schema<'PersonDto'>): Schema<'PersonDto'> {
  const { givenName, familyName, pseudonym, dateOfBirth, ...rest } = person;
  return {
    ...rest,
    givenName: givenName || undefined,
    familyName: familyName || undefined,
    pseudonym: pseudonym || undefined,
    dateOfBirth: dateOfBirth || undefined,
  };
}

/**
 * Who the person is, in every registration form (a presumed victim's or a person at risk's): names,
 * sex, citizenship, date of birth and what makes the age uncertain. Inside the form's FormProvider.
 */
export function PersonFieldset() {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const { register, control, formState, setValue } = useFormContext<WithPerson>();
  // A person who will not (yet) give their name is registered under a pseudonym instead.
  const [pseudonymous, setPseudonymous] = useState(false);
  const choosePseudonym = (chosen: boolean) => {
    setPseudonymous(chosen);
    setValue('person.givenName', '');
    setValue('person.familyName', '');
    setValue('person.pseudonym', '');
  };
  const required = { required: t('form.required') };
  const sexes = options(t, 'sexes', ENUM_VALUES['PersonDto.sex']);
  return (
    <Fieldset legend={t('register.person')}>
      <Stack>
        <Checkbox
          label={t('lifecycles.pseudonym.choose')}
          description={t('lifecycles.pseudonym.explain')}
          checked={pseudonymous}
          onChange={(event) => choosePseudonym(event.currentTarget.checked)}
        />
        {pseudonymous ? (
          <TextInput
            label={t('lifecycles.pseudonym.label')}
            required
            autoComplete="off"
            error={formState.errors.person?.pseudonym?.message}
            {...register('person.pseudonym', required)}
          />
        ) : (
          <Group grow>
            <TextInput
              label={t('person.givenName')}
              required
              autoComplete="off"
              error={formState.errors.person?.givenName?.message}
              {...register('person.givenName', required)}
            />
            <TextInput
              label={t('person.familyName')}
              required
              autoComplete="off"
              error={formState.errors.person?.familyName?.message}
              {...register('person.familyName', required)}
            />
          </Group>
        )}
        <Group grow>
          <Controller
            name="person.sex"
            control={control}
            rules={required}
            render={({ field, fieldState }) => (
              <Select
                label={t('person.sex')}
                required
                data={sexes}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
          <Controller
            name="person.citizenship"
            control={control}
            rules={required}
            render={({ field, fieldState }) => (
              <Select
                label={t('cases.citizenship')}
                required
                searchable
                data={countries('PersonDto.citizenship')}
                error={fieldState.error?.message}
                {...field}
              />
            )}
          />
        </Group>
        <TextInput
          type="date"
          label={t('person.dateOfBirth')}
          autoComplete="off"
          error={formState.errors.person?.dateOfBirth?.message}
          {...register('person.dateOfBirth')}
        />
        <Checkbox label={t('person.ageUncertain')} {...register('person.ageUncertain')} />
        <Checkbox label={t('person.reasonsToBelieveChild')} {...register('person.reasonsToBelieveChild')} />
      </Stack>
    </Fieldset>
  );
}
