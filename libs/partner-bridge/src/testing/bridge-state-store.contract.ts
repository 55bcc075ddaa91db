import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import { BridgeStateStore, CrossBorderLink } from '../bridge/bridge-state';

export interface BridgeStateStoreFixture {
  /** Opens the store on the test's backing store; after close(), open() again finds what was kept. */
  open(): BridgeStateStore;
  /** Closes what is still open and removes the backing store. */
  dispose(): void;
}

const LINK: CrossBorderLink = {
  sharedCaseRef: 'ref-ro-de-1',
  handoverId: 'handover-1',
  caseId: 'case-1',
  partnerNodeId: 'node-de',
  partnerCountry: 'DE',
  side: 'origin',
};

const checkpointOf = (size: number): SignedCheckpoint => ({
  origin: 'node-de',
  size,
  root: 'ab'.repeat(32),
  signature: `sig-${size}`,
  keyId: 'key-de',
});

/** The behaviour every BridgeStateStore adapter must show: what the bridge keeps comes back, also after a restart. */
export function describeBridgeStateStoreContract(name: string, newFixture: () => BridgeStateStoreFixture) {
  describe(`BridgeStateStore contract: ${name}`, () => {
    let fixture: BridgeStateStoreFixture;
    let state: BridgeStateStore;
    beforeEach(() => {
      fixture = newFixture();
      state = fixture.open();
    });
    afterEach(() => fixture.dispose());

    it('links a shared reference once: a second link of it is refused and the first one stays', () => {
      expect(state.link(LINK.sharedCaseRef)).toBeUndefined();
      expect(state.addLink(LINK)).toBe(true);
      expect(state.addLink({ ...LINK, caseId: 'case-2', side: 'destination' })).toBe(false);
      expect(state.link(LINK.sharedCaseRef)).toEqual(LINK);
    });

    it('lists the links of one case only', () => {
      const second: CrossBorderLink = { ...LINK, sharedCaseRef: 'ref-ro-at-1', partnerNodeId: 'node-at' };
      state.addLink(LINK);
      state.addLink(second);
      state.addLink({ ...LINK, sharedCaseRef: 'ref-other', caseId: 'case-2' });
      expect(sortByRef(state.linksOfCase('case-1'))).toEqual(sortByRef([LINK, second]));
      expect(state.linksOfCase('case-unknown')).toEqual([]);
    });

    it('remembers which message ids were seen', () => {
      expect(state.seen('message-1')).toBe(false);
      state.markSeen('message-1', '2025-03-01T08:00:00Z');
      state.markSeen('message-1', '2025-03-02T08:00:00Z');
      expect(state.seen('message-1')).toBe(true);
      expect(state.seen('message-2')).toBe(false);
    });

    it('keeps one checkpoint per partner and direction, replaced by the next and forgotten on undefined', () => {
      expect(state.checkpoint('node-de', 'witnessed')).toBeUndefined();
      state.setCheckpoint('node-de', 'witnessed', checkpointOf(3));
      state.setCheckpoint('node-de', 'sent', checkpointOf(7));
      state.setCheckpoint('node-de', 'witnessed', checkpointOf(5));
      expect(state.checkpoint('node-de', 'witnessed')).toEqual(checkpointOf(5));
      expect(state.checkpoint('node-de', 'sent')).toEqual(checkpointOf(7));
      expect(state.checkpoint('node-at', 'witnessed')).toBeUndefined();
      state.setCheckpoint('node-de', 'witnessed', undefined);
      expect(state.checkpoint('node-de', 'witnessed')).toBeUndefined();
      expect(state.checkpoint('node-de', 'sent')).toEqual(checkpointOf(7));
    });

    it('keeps positions by name, replaced by the next', () => {
      expect(state.position('dispatcher')).toBeUndefined();
      state.setPosition('dispatcher', 0);
      expect(state.position('dispatcher')).toBe(0);
      state.setPosition('dispatcher', 42);
      expect(state.position('dispatcher')).toBe(42);
      expect(state.position('other')).toBeUndefined();
    });

    it('finds everything again after a restart', () => {
      state.addLink(LINK);
      state.markSeen('message-1', '2025-03-01T08:00:00Z');
      state.setCheckpoint('node-de', 'witnessed', checkpointOf(3));
      state.setPosition('dispatcher', 42);
      state.close();
      const reopened = fixture.open();
      expect(reopened.link(LINK.sharedCaseRef)).toEqual(LINK);
      expect(reopened.seen('message-1')).toBe(true);
      expect(reopened.checkpoint('node-de', 'witnessed')).toEqual(checkpointOf(3));
      expect(reopened.position('dispatcher')).toBe(42);
    });
  });
}

function sortByRef(links: CrossBorderLink[]): CrossBorderLink[] {
  return [...links].sort((a, b) => a.sharedCaseRef.localeCompare(b.sharedCaseRef));
}
