import { Anchor, Button, Fieldset, Group, MultiSelect, Select, Stack, TextInput, Title } from '@mantine/core';
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
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { useUser } from '../../session/session-store';
import { options } from '../detail/common/options';
import { PersonFieldset, personBody } from '../register/PersonFieldset';
import { DistrictField } from '../../admin/organisation/DistrictField';

type Registration = RequestBody<'/api/cases/at-risk', 'post'>;

/** The fields this form shows, by the paths a 400 names them with. */
const FIELDS = [
  'referralSource',
  'vulnerabilities',
  'linkedCaseId',
  'district',
  'person.givenName',
  'person.familyName',
  'person.pseudonym',
  'person.sex',
  'person.citizenship',
  'person.dateOfBirth',
] as const;

/**
 * A person at risk of trafficking (a potential victim) registered as a case of their own: the
 * vulnerabilities that bring them in instead of the facts of an exploitation, and no reflection period.
 */
export function RegisterPersonAtRiskPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const form = useForm<Registration>({
    defaultValues: {
      vulnerabilities: [],
      person: { givenName: '', familyName: '', ageUncertain: false, reasonsToBelieveChild: false },
    },
  });
  const { register, control, handleSubmit, setError, formState } = form;
  const registration = useMutation({
    mutationFn: (body: Registration) => data(nrm.POST('/api/cases/at-risk', { body })),
    onSuccess: (answer) => void navigate(`/cases/${answer.caseId}`),
    onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
  });
  if (!can(user.role, 'POST /api/cases/at-risk')) return <ForbiddenPage />;

  const required = { required: t('form.required') };
  const submit = handleSubmit((values) => {
    // Empty optional fields are left out rather than sent empty (the API refuses an empty date or id).
    const person = personBody(values.person);
    registration.mutate({
      ...values,
      person,
      linkedCaseId: values.linkedCaseId?.trim() || undefined,
      district: values.district || undefined,
    });
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="register-at-risk-title">
        <Stack maw={720}>
          <Title order={2} id="register-at-risk-title">
            {t('atRisk.register.title')}
          </Title>
          {can(user.role, 'POST /api/cases') && (
            <Anchor component={Link} to="/cases/new">
              {t('atRisk.register.victimInstead')}
            </Anchor>
          )}
          <ProblemAlert error={registration.error} />
          <Fieldset legend={t('atRisk.register.why')}>
            <Stack>
              <Controller
                name="referralSource"
                control={control}
                rules={required}
                render={({ field, fieldState }) => (
                  <Select
                    label={t('register.referralSource')}
                    required
                    data={options(
                      t,
                      'referralSources',
                      ENUM_VALUES['RegisterPersonAtRiskDto.referralSource'],
                    )}
                    error={fieldState.error?.message}
                    {...field}
                  />
                )}
              />
              <Controller
                name="vulnerabilities"
                control={control}
                rules={{ validate: (value) => value.length > 0 || t('form.required') }}
                render={({ field, fieldState }) => (
                  <MultiSelect
                    searchable
                    label={t('atRisk.vulnerabilitiesLabel')}
                    description={t('atRisk.register.vulnerabilitiesHelp')}
                    required
                    data={options(
                      t,
                      'atRisk.vulnerabilities',
                      ENUM_VALUES['RegisterPersonAtRiskDto.vulnerabilities'],
                    )}
                    error={fieldState.error?.message}
                    {...field}
                  />
                )}
              />
              <TextInput
                label={t('atRisk.linkedCase')}
                description={t('atRisk.register.linkedCaseHelp')}
                autoComplete="off"
                error={formState.errors.linkedCaseId?.message}
                {...register('linkedCaseId')}
              />
              <DistrictField />
            </Stack>
          </Fieldset>
          <PersonFieldset />
          <Group>
            <Button type="submit" loading={registration.isPending}>
              {t('atRisk.register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

export default RegisterPersonAtRiskPage;
