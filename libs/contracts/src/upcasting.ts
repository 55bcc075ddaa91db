import type { PresumedVictimRegisteredDataV1 } from './events/identification/presumed-victim-registered';
import { EVENT_CONTRACTS, isCaseEventType } from './registry';

export interface VersionedPayload {
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
}

/** Turns the data of version N into the data of version N + 1. Pure: no I/O, no clock. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

export class UnsupportedSchemaVersionError extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    reason: string,
  ) {
    super(`Cannot read ${eventType} schema version ${schemaVersion}: ${reason}`);
    this.name = 'UnsupportedSchemaVersionError';
  }
}

const key = (type: string, fromVersion: number) => `${type}@${fromVersion}`;
const upcasters = new Map<string, Upcaster>();

/** Registers the step from `fromVersion` to `fromVersion + 1`. */
export function registerUpcaster(type: string, fromVersion: number, upcaster: Upcaster): void {
  const k = key(type, fromVersion);
  if (upcasters.has(k)) throw new Error(`An upcaster for ${type} v${fromVersion} is already registered`);
  upcasters.set(k, upcaster);
}

export function latestSchemaVersion(type: string): number {
  return isCaseEventType(type) ? EVENT_CONTRACTS[type].schemaVersion : 1;
}

/**
 * Reads a stored payload as the latest schema version by applying the chain of upcasters.
 * Other fields of the input (personal, envelope fields) pass through untouched. Types outside the
 * catalogue pass through as they are; a version newer than this code knows is an error, never a guess.
 */
export function upcast<T extends VersionedPayload>(event: T): T {
  const latest = latestSchemaVersion(event.type);
  const { type, schemaVersion } = event;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new UnsupportedSchemaVersionError(type, schemaVersion, 'schema versions are integers from 1');
  }
  if (schemaVersion > latest) {
    throw new UnsupportedSchemaVersionError(
      type,
      schemaVersion,
      `this node knows versions up to ${latest}; upgrade the node before reading this event`,
    );
  }
  let data = event.data;
  for (let version = schemaVersion; version < latest; version++) {
    const step = upcasters.get(key(type, version));
    if (!step) throw new UnsupportedSchemaVersionError(type, schemaVersion, `no upcaster from v${version}`);
    data = step(data);
  }
  return { ...event, schemaVersion: latest, data };
}

/** v1 had a single form of exploitation and no means of control. */
registerUpcaster('PresumedVictimRegistered', 1, (data) => {
  const { formOfExploitation, ...rest } = data as unknown as PresumedVictimRegisteredDataV1;
  return { ...rest, formsOfExploitation: [formOfExploitation], meansOfControl: [] };
});

/** v2 may link the hearing to a criminal proceeding (optional proceedingId); a v1 hearing has none. */
registerUpcaster('HearingScheduled', 1, (data) => ({ ...data }));
/** v1 had no legal basis: the agency joined the team under the victim's consent, as v2 reads it without one. */
registerUpcaster('AgencyJoinedTeam', 1, (data) => ({ ...data }));
