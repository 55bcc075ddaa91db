import { Alert, Button, Center, Paper, Stack, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Loading } from '../layout/Loading';
import { sessionStore } from '../session/session-store';
import { browserContext } from './browser-context';
import { OIDC_CALLBACK_PATH } from './callback-path';
import { failureText } from './failure-text';
import { completeSignIn, type OidcProvider } from './oidc-flow';
import { OidcError } from './oidc-error';
import { adoptProviderTokens } from './oidc-session';
import { useAuthProviders } from './use-auth-providers';

/** One completion per callback URL: React's strict mode runs effects twice, a code works only once. */
const completions = new Map<string, Promise<string>>();

function finish(provider: OidcProvider | undefined, href: string): Promise<string> {
  let pending = completions.get(href);
  if (!pending) {
    pending = (async () => {
      if (!provider) throw new OidcError('discovery');
      const done = await completeSignIn(provider, new URL(href), browserContext());
      await adoptProviderTokens(done.tokens, {
        tokenEndpoint: done.tokenEndpoint,
        endSessionEndpoint: done.endSessionEndpoint,
        clientId: provider.clientId,
      });
      return done.returnTo;
    })();
    completions.set(href, pending);
  }
  return pending;
}

/** `/auth/callback`: where the provider sends the browser back with a code (or an error). */
export default function OidcCallbackPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const providers = useAuthProviders();
  const [failure, setFailure] = useState<string>();
  // The URL as the provider sent it: the effect clears it from the address bar, and must not re-run on that.
  const [href] = useState(() => window.location.href);

  useEffect(() => {
    if (providers.isPending) return;
    const provider = providers.data?.oidc;
    finish(provider, href).then(
      (returnTo) => void navigate(returnTo, { replace: true }),
      (error: unknown) => {
        // The code and state leave the address bar and the history entry either way.
        window.history.replaceState(null, '', OIDC_CALLBACK_PATH);
        if (sessionStore.get().status !== 'signed-in') sessionStore.set({ status: 'signed-out' });
        setFailure(failureText(t, error, provider?.displayName ?? ''));
      },
    );
  }, [providers.isPending, providers.data, href, navigate, t]);

  return (
    <Center mih="100vh" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Title order={1} size="h3">
            {t('oidc.callbackTitle')}
          </Title>
          {failure ? (
            <>
              <Alert color="red" role="alert">
                {failure}
              </Alert>
              <Button component={Link} to="/" replace>
                {t('oidc.backToSignIn')}
              </Button>
            </>
          ) : (
            <Loading />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
