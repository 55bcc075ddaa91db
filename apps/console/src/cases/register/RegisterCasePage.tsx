import { Anchor, Button, Fieldset, Group, MultiSelect, Select, Stack, TagsInput, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useMutation } from '@tanstack/react-query';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can } from '../../access/can';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ForbiddenPage } from '../../errors/ForbiddenPage';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useCountryOptions } from '../../forms/country-options';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { useUser } from '../../session/session-store';
import { options } from '../detail/common/options';
import { PersonFieldset, personBody } from './PersonFieldset';
import { DistrictField } from '../../admin/organisation/DistrictField';

type Registration = RequestBody<'/api/cases', 'post'>;

/** The fields this form shows, by the paths a 400 names them with. */
const FIELDS = [
  'referralSource',
  'countryOfExploitation',
  'formsOfExploitation',
  'meansOfControl',
  'indicators',
  'recruiterRelation',
  'district',
  'person.givenName',
  'person.familyName',
  'person.pseudonym',
  'person.sex',
  'person.citizenship',
  'person.dateOfBirth',
] as const;

/** The identification officer's registration of a presumed victim. */
export function RegisterCasePage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const countries = useCountryOptions();
  const form = useForm<Registration>({
    defaultValues: {
      formsOfExploitation: [],
      meansOfControl: [],
      indicators: [],
      person: { givenName: '', familyName: '', ageUncertain: false, reasonsToBelieveChild: false },
    },
  });
  const { control, handleSubmit, setError } = form;
  const registration = useMutation({
    mutationFn: (body: Registration) => data(nrm.POST('/api/cases', { body })),
    onSuccess: (answer) => void navigate(`/cases/${answer.caseId}`),
    onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
  });
  if (!can(user.role, 'POST /api/cases')) return <ForbiddenPage />;

  const required = { required: t('form.required') };
  const submit = handleSubmit((values) => {
    // Empty optional fields are left out rather than sent empty (the API refuses an empty date).
    const person = personBody(values.person);
    registration.mutate({
      ...values,
      person,
      recruiterRelation: values.recruiterRelation || undefined,
      district: values.district || undefined,
    });
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="register-title">
        <Stack maw={720}>
          <Title order={2} id="register-title">
            {t('register.title')}
          </Title>
          {can(user.role, 'POST /api/cases/at-risk') && (
            <Anchor component={Link} to="/cases/new/at-risk">
              {t('atRisk.register.atRiskInstead')}
            </Anchor>
          )}
          <ProblemAlert error={registration.error} />
          <Fieldset legend={t('register.referral')}>
            <Stack>
              <Controller
                name="referralSource"
                control={control}
                rules={required}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('register.referralSource')}
                    required
                    data={options(t, 'referralSources', ENUM_VALUES['RegisterCaseDto.referralSource'])}
                    error={fieldState.error?.message}
                    {...field}
                  />
                )}
              />
              <Controller
                name="countryOfExploitation"
                control={control}
                rules={required}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('cases.countryOfExploitation')}
                    required
                    searchable
                    data={countries('RegisterCaseDto.countryOfExploitation')}
                    error={fieldState.error?.message}
                    {...field}
                  />
                )}
              />
              <Controller
                name="formsOfExploitation"
                control={control}
                rules={{ validate: (value) => value.length > 0 || t('form.required') }}
                render={({ field, fieldState }) => (
                  <MultiSelect
                    searchable
                    label={t('register.formsOfExploitation')}
                    required
                    data={options(t, 'exploitation', ENUM_VALUES['RegisterCaseDto.formsOfExploitation'])}
                    error={fieldState.error?.message}
                    {...field}
                  />
                )}
              />
              <Controller
                name="meansOfControl"
                control={control}
                render={({ field, fieldState }) => (
                  <MultiSelect
                    searchable
                    label={t('register.meansOfControl')}
                    data={options(t, 'meansOfControl', ENUM_VALUES['RegisterCaseDto.meansOfControl'])}
                    error={fieldState.error?.message}
                    {...field}
                    value={field.value ?? []}
                  />
                )}
              />
              <Controller
                name="indicators"
                control={control}
                render={({ field, fieldState }) => (
                  <TagsInput
                    label={t('register.indicators')}
                    description={t('register.indicatorsHelp')}
                    error={fieldState.error?.message}
                    {...field}
                    value={field.value ?? []}
                  />
                )}
              />
              <Controller
                name="recruiterRelation"
                control={control}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('register.recruiterRelation')}
                    clearable
                    data={options(t, 'recruiterRelations', ENUM_VALUES['RegisterCaseDto.recruiterRelation'])}
                    error={fieldState.error?.message}
                    {...field}
                    value={field.value ?? null}
                  />
                )}
              />
              <DistrictField />
            </Stack>
          </Fieldset>
          <PersonFieldset />
          <Group>
            <Button type="submit" loading={registration.isPending}>
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

export default RegisterCasePage;
