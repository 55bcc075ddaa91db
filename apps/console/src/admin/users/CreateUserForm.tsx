import { Alert, Button, Group, PasswordInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { asApiError, data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useCountryOptions } from '../../forms/country-options';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { AgencySelect } from '../organisation/AgencySelect';

type NewUser = RequestBody<'/api/users', 'post'>;

/** The fields this form shows, by the names a 400 or the password policy's 422 gives them. */
const FIELDS = ['username', 'password', 'role', 'agency', 'country'] as const;

/**
 * An admin creates a local account. The node's password policy decides (length, not the username, not
 * a common password): its 400 or 422 lands next to the password field.
 */
export function CreateUserForm() {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const queries = useQueryClient();
  const [created, setCreated] = useState<string>();
  const form = useForm<NewUser>({ defaultValues: { username: '', password: '', agency: '' } });
  const { register, control, handleSubmit, setError, formState, reset } = form;
  const creation = useMutation({
    mutationFn: (body: NewUser) => data(nrm.POST('/api/users', { body })),
    onSuccess: (_answer, body) => {
      setCreated(body.username);
      reset();
      void queries.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => {
      setCreated(undefined);
      // A taken username is a 409: it belongs to the username, not to "someone changed this".
      if (asApiError(error)?.status === 409)
        setError('username', { type: 'server', message: t('admin.users.taken') });
      else applyServerFieldErrors(error, FIELDS, setError);
    },
  });
  const required = { required: t('form.required') };
  const submit = handleSubmit((values) =>
    creation.mutate({ ...values, agency: values.agency || undefined, country: values.country || undefined }),
  );
  const problem = asApiError(creation.error)?.status === 409 ? undefined : creation.error;

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-user-title">
      <Stack maw={560}>
        <Title order={3} size="h4" id="create-user-title">
          {t('admin.users.create')}
        </Title>
        {created && (
          <Alert color="green" role="status">
            {t('admin.users.created', { username: created })}
          </Alert>
        )}
        <ProblemAlert error={problem} />
        <TextInput
          label={t('admin.users.username')}
          description={t('admin.users.usernameHelp')}
          required
          autoComplete="off"
          error={formState.errors.username?.message}
          {...register('username', required)}
        />
        <PasswordInput
          label={t('admin.users.password')}
          description={t('admin.users.passwordHelp')}
          required
          autoComplete="new-password"
          error={formState.errors.password?.message}
          // Mantine's PasswordInput marks its inner input data-invalid only: say it to assistive technology.
          aria-invalid={formState.errors.password ? true : undefined}
          {...register('password', required)}
        />
        <Controller
          name="role"
          control={control}
          rules={required}
          render={({ field, fieldState }) => (
            <Select
              label={t('admin.users.role')}
              required
              data={ENUM_VALUES['CreateUserDto.role'].map((role) => ({
                value: role,
                label: t(`roles.${role}`),
              }))}
              error={fieldState.error?.message}
              {...field}
            />
          )}
        />
        <Controller
          name="agency"
          control={control}
          render={({ field, fieldState }) => (
            <AgencySelect
              label={t('admin.users.agency')}
              description={t('admin.users.agencyHelp')}
              error={fieldState.error?.message}
              {...field}
              value={field.value ?? null}
              onChange={(value) => field.onChange(value ?? '')}
            />
          )}
        />
        <Controller
          name="country"
          control={control}
          render={({ field, fieldState }) => (
            <Select
              label={t('admin.users.country')}
              searchable
              clearable
              data={countries('RegisterPartnerDto.country')}
              error={fieldState.error?.message}
              {...field}
              value={field.value ?? null}
            />
          )}
        />
        <Group>
          <Button type="submit" loading={creation.isPending}>
            {t('admin.users.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
