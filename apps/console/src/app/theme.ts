import { createTheme } from '@mantine/core';

/** Mantine's defaults, with a focus ring always visible (keyboard users, WCAG 2.4.7) and AA-contrast blue. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  focusRing: 'always',
  defaultRadius: 'sm',
});
