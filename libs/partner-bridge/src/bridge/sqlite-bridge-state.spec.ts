import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBridgeStateStoreContract } from '../testing/bridge-state-store.contract';
import { BridgeStateStore } from './bridge-state';
import { SqliteBridgeState } from './sqlite-bridge-state';

describeBridgeStateStoreContract('SqliteBridgeState', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-bridge-state-'));
  const opened: BridgeStateStore[] = [];
  return {
    open: () => {
      opened.push(SqliteBridgeState.inDataDir(dir));
      return opened[opened.length - 1];
    },
    dispose: () => {
      for (const state of opened) state.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
