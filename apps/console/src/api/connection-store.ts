import { useSyncExternalStore } from 'react';

/** Whether the node answered the last request: a banner shows while it does not. */
let online = true;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (next === online) return;
  online = next;
  for (const listener of listeners) listener();
}

export const connectionStore = {
  answered: (): void => set(true),
  lost: (): void => set(false),
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useOnline = (): boolean => useSyncExternalStore(connectionStore.subscribe, () => online);
