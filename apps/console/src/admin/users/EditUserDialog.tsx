import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ENUM_VALUES, type RequestBody, type Schema } from '@nrm/api-client';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useCountryOptions } from '../../forms/country-options';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { AgencySelect } from '../organisation/AgencySelect';
import { useUserCommand } from './use-user-command';

type Changes = RequestBody<'/api/users/{userId}', 'patch'>;
const FIELDS = ['role', 'agency', 'country'] as const;

/**
 * An admin changes an account's role, agency or country. Only what differs is sent (the API keeps what
 * it is not given, and cannot clear an agency or country); the user sees it at their next sign-in.
 */
export function EditUserDialog({ user }: { user: Schema<'UserView'> }) {
  const { t } = useTranslation();
  const countries = useCountryOptions();
  const [opened, { open, close }] = useDisclosure(false);
  const initial = { role: user.role, agency: user.agency ?? '', country: user.country };
  const form = useForm<Changes>({ values: initial });
  const { control, handleSubmit, setError } = form;
  const change = useUserCommand((body: Changes) =>
    data(nrm.PATCH('/api/users/{userId}', { params: { path: { userId: user.userId } }, body })),
  );
  const dismiss = () => {
    change.reset();
    close();
  };
  const submit = handleSubmit((values) => {
    const changes: Changes = {
      role: values.role !== initial.role ? values.role : undefined,
      agency: values.agency && values.agency !== initial.agency ? values.agency : undefined,
      country: values.country && values.country !== initial.country ? values.country : undefined,
    };
    if (Object.values(changes).every((value) => value === undefined)) return dismiss();
    change.mutate(changes, {
      onSuccess: dismiss,
      onError: (error) => applyServerFieldErrors(error, FIELDS, setError),
    });
  });
  const title = t('admin.users.editTitle', { username: user.username });

  return (
    <>
      <Button size="xs" variant="outline" onClick={open} aria-label={title}>
        {t('admin.users.edit')}
      </Button>
      <Modal
        opened={opened}
        onClose={dismiss}
        title={title}
        closeButtonProps={{ 'aria-label': t('admin.users.close') }}
      >
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <ProblemAlert error={change.error} />
            <Controller
              name="role"
              control={control}
              render={({ field, fieldState }) => (
                <Select
                  label={t('admin.users.role')}
                  data-autofocus
                  allowDeselect={false}
                  data={ENUM_VALUES['UpdateUserDto.role'].map((role) => ({
                    value: role,
                    label: t(`roles.${role}`),
                  }))}
                  error={fieldState.error?.message}
                  {...field}
                  value={field.value ?? null}
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
                  data={countries('RegisterPartnerDto.country')}
                  error={fieldState.error?.message}
                  {...field}
                  value={field.value ?? null}
                />
              )}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                {t('admin.users.cancel')}
              </Button>
              <Button type="submit" loading={change.isPending}>
                {t('admin.users.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
