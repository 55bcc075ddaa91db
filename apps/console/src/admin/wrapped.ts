import type { CSSProperties } from 'react';

/** Keys and JSON wrap instead of scrolling: a scrolling block would need to be focusable (WCAG 2.1.1). */
export const WRAPPED: CSSProperties = { whiteSpace: 'pre-wrap', wordBreak: 'break-all' };
