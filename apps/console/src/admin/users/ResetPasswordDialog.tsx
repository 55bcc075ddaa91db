import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { RequestBody, Schema } from '@nrm/api-client';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { nrm } from '../../api/nrm';
import { data } from '../../api/problems';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { applyServerFieldErrors } from '../../forms/server-field-errors';
import { useUserCommand } from './use-user-command';

type NewPassword = RequestBody<'/api/users/{userId}/password', 'post'>;

/**
 * An admin sets a new password for a user (forgotten, or perhaps known to someone else). The node's
 * policy decides; its 400 or 422 lands next to the field. The user's sessions end.
 */
export function ResetPasswordDialog({
  user,
  onDone,
}: {
  user: Schema<'UserView'>;
  onDone: (username: string) => void;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const { register, handleSubmit, setError, formState, reset } = useForm<NewPassword>({
    defaultValues: { password: '' },
  });
  const setPassword = useUserCommand((body: NewPassword) =>
    data(nrm.POST('/api/users/{userId}/password', { params: { path: { userId: user.userId } }, body })),
  );
  const dismiss = () => {
    setPassword.reset();
    reset();
    close();
  };
  const submit = handleSubmit((body) =>
    setPassword.mutate(body, {
      onSuccess: () => {
        dismiss();
        onDone(user.username);
      },
      onError: (error) => applyServerFieldErrors(error, ['password'], setError),
    }),
  );
  const title = t('admin.users.resetTitle', { username: user.username });
  // The policy's reasons stand next to the field; the alert above only names the rule.
  return (
    <>
      <Button
        size="xs"
        variant="outline"
        onClick={open}
        aria-label={t('admin.users.resetFor', { username: user.username })}
      >
        {t('admin.users.reset')}
      </Button>
      <Modal
        opened={opened}
        onClose={dismiss}
        title={title}
        closeButtonProps={{ 'aria-label': t('admin.users.close') }}
      >
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Text>{t('admin.users.resetWarning')}</Text>
            <ProblemAlert error={setPassword.error} />
            <PasswordInput
              label={t('admin.users.newPassword')}
              description={t('admin.users.passwordHelp')}
              required
              data-autofocus
              autoComplete="new-password"
              error={formState.errors.password?.message}
              aria-invalid={formState.errors.password ? true : undefined}
              {...register('password', { required: t('form.required') })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                {t('admin.users.cancel')}
              </Button>
              <Button type="submit" loading={setPassword.isPending}>
                {t('admin.users.resetConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
