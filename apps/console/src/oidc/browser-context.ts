import type { FlowContext } from './oidc-flow';

/** The sign-in flow's view of this tab: its sessionStorage, its origin, leaving for the provider. */
export const browserContext = (): FlowContext => ({
  storage: window.sessionStorage,
  origin: window.location.origin,
  navigate: (url) => window.location.assign(url),
});
