import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../api/problems';
import { LanguagePicker } from '../layout/LanguagePicker';
import { OidcSignIn } from '../oidc/OidcSignIn';
import { signIn } from '../session/session-api';

interface Credentials {
  username: string;
  password: string;
}

/**
 * Local accounts (the node sets the session cookie, the access token stays in memory), and the
 * identity provider's sign-in when the node names one.
 */
export function SignInPage({ reason }: { reason?: 'expired' | 'signed-out' }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const { register, handleSubmit, formState } = useForm<Credentials>({
    defaultValues: { username: '', password: '' },
  });

  const submit = handleSubmit(async ({ username, password }) => {
    setFailure(undefined);
    try {
      await signIn(username, password);
    } catch (error) {
      const status = asApiError(error)?.status;
      setFailure(
        status === 401 ? t('signIn.wrong') : status === 429 ? t('signIn.locked') : t('connection.lostBody'),
      );
    }
  });

  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={380}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Title order={1} size="h3">
              {t('signIn.title')}
            </Title>
            {reason === 'expired' && <Alert color="yellow">{t('signIn.expired')}</Alert>}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <TextInput
              label={t('signIn.username')}
              autoComplete="username"
              required
              error={formState.errors.username && t('form.required')}
              {...register('username', { required: true })}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              error={formState.errors.password && t('form.required')}
              {...register('password', { required: true })}
            />
            <Button type="submit" loading={formState.isSubmitting}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
        <Stack mt="md">
          <OidcSignIn />
          <LanguagePicker />
        </Stack>
      </Paper>
    </Center>
  );
}
