import { createContext, useContext } from 'react';

/**
 * Whether the case page may offer commands. False where it shows the case as it was: a command would
 * apply to the case as it is now, not to the past shown, so a past view is read-only for every role.
 */
export const CaseCommandsContext = createContext(true);

export const useCaseCommandsOpen = (): boolean => useContext(CaseCommandsContext);
