import type { SignedCheckpoint } from '@nrm/event-store';
import type { CheckpointChain, CheckpointSummary } from './integrity-report-data';

/** How many of the newest checkpoints the report lists (the verification checks every one). */
export const RECENT_CHECKPOINTS = 10;

const summary = ({ size, root, keyId }: SignedCheckpoint): CheckpointSummary => ({ size, root, keyId });

/** The chain of signed checkpoints (ascending size), summarised: ends, keys by size range, newest few. */
export function checkpointChain(checkpoints: readonly SignedCheckpoint[]): CheckpointChain {
  const keys: CheckpointChain['keys'] = [];
  for (const checkpoint of checkpoints) {
    const last = keys[keys.length - 1];
    if (last && last.keyId === checkpoint.keyId) {
      last.count++;
      last.toSize = checkpoint.size;
    } else {
      keys.push({ keyId: checkpoint.keyId, count: 1, fromSize: checkpoint.size, toSize: checkpoint.size });
    }
  }
  return {
    count: checkpoints.length,
    first: checkpoints.length ? summary(checkpoints[0]) : undefined,
    latest: checkpoints.length ? summary(checkpoints[checkpoints.length - 1]) : undefined,
    keys,
    recent: checkpoints.slice(-RECENT_CHECKPOINTS).map(summary),
  };
}
