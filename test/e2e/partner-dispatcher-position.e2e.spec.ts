import { EVENT_STORE, EventStore } from '@nrm/event-store/port';
import { OutgoingDispatcher } from '@nrm/partner-bridge/bridge/outgoing-dispatcher';
import { SqliteBridgeState } from '@nrm/partner-bridge/bridge/sqlite-bridge-state';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION } from '../support/node-harness';

/**
 * The partner bridge's dispatcher reads every event of the log, but acts on few: cases without a link
 * to a partner need nothing of it. Saving its position syncs the bridge's database, so it is saved at
 * once only after an event it acted on, at most every second otherwise, and when the node stops.
 */
describe('the partner dispatcher’s position (HTTP, embedded node)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-dispatcher-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is not synced for every event of cases without a partner, and is saved in full when the node stops', async () => {
    const saves = jest.spyOn(SqliteBridgeState.prototype, 'setPosition');
    const node = await NodeHarness.start({}, dir);
    let head = 0;
    try {
      await node.withUsers(ALL_OPERATOR_ROLES);
      saves.mockClear();
      for (let i = 0; i < 12; i++) {
        const res = await node.request('POST', '/api/cases', {
          as: 'identification_officer',
          body: REGISTRATION,
        });
        expect(res.status).toBe(201);
      }
      const store = node.app.get<symbol, EventStore>(EVENT_STORE);
      head = await store.headPosition();
      // The dispatcher reads the log behind the commands: stop only once it has read all of it.
      const dispatcher = node.app.get(OutgoingDispatcher);
      while (dispatcher.handledPosition < head) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await node.stop();
    }
    // 24 events (a registration and its reflection period each); a save a second at most while they ran.
    const dispatcherSaves = saves.mock.calls.filter(([name]) => name === 'outgoing-dispatcher');
    expect(dispatcherSaves.length).toBeLessThan(6);
    saves.mockRestore();

    const state = SqliteBridgeState.inDataDir(dir);
    try {
      expect(state.position('outgoing-dispatcher')).toBe(head);
    } finally {
      state.close();
    }
  });
});
