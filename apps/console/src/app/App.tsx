import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { OIDC_CALLBACK_PATH } from '../oidc/callback-path';
import { refreshSession } from '../session/session-api';
import { queryClient } from './query-client';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  // The access token lives in memory: after a reload, the session cookie gives a new one. Not on the
  // identity provider's callback: that page signs in by itself (a late 401 here would undo it).
  useEffect(() => {
    if (window.location.pathname !== OIDC_CALLBACK_PATH) void refreshSession();
  }, []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
