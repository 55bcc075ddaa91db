import { Alert, Button, Divider, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserContext } from './browser-context';
import { failureText } from './failure-text';
import { startSignIn } from './oidc-flow';
import { useAuthProviders } from './use-auth-providers';

/** "Sign in with <provider>" under the local sign-in, when the node names a provider. */
export function OidcSignIn() {
  const { t } = useTranslation();
  const provider = useAuthProviders().data?.oidc;
  const [leaving, setLeaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  if (!provider) return null;

  const leave = async () => {
    setFailure(undefined);
    setLeaving(true);
    try {
      // The URL still names the page the user asked for (RequireSession keeps it): back there after.
      await startSignIn(provider, `${window.location.pathname}${window.location.search}`, browserContext());
    } catch (error) {
      setFailure(failureText(t, error, provider.displayName));
      setLeaving(false);
    }
  };

  return (
    <Stack>
      <Divider label={t('oidc.or')} labelPosition="center" />
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      <Button variant="default" loading={leaving} onClick={() => void leave()}>
        {t('oidc.signInWith', { name: provider.displayName })}
      </Button>
    </Stack>
  );
}
