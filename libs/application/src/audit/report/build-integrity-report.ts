import type { AuditableLog, IntegrityRecord } from '@nrm/event-store';
import { verifyNodeLog } from '../verify-node-log';
import { checkpointChain } from './checkpoint-chain';
import type { IntegrityReportData, PartnerWitnessing, WitnessedCheckpoint } from './integrity-report-data';
import type { IntegrityReportSources, PartnerState } from './integrity-report-sources';
import { LogFacts } from './log-facts';
import type { ReplayAuditResult } from './replay-audit-result';

export interface BuildReportOptions {
  /** The replay audit's result, when one was run for this report. */
  replay?: ReplayAuditResult;
  /** Told the events read so far during the verification pass, and how many the signed head holds. */
  onProgress?: (eventsRead: number, total: number) => void;
}

const PAGE = 1000;

/**
 * Gathers the report: one verification pass over the whole log (the node's strict verification), the
 * same pass folding the facts the report counts, then the partners' witnessing state. The checkpoints
 * are read once, so the chain shown is the one verified.
 */
export async function buildIntegrityReport(
  sources: IntegrityReportSources,
  options: BuildReportOptions = {},
): Promise<IntegrityReportData> {
  const generatedAt = sources.now().toISOString();
  const checkpoints = await sources.log.listCheckpoints();
  const facts = new LogFacts();
  const headSize = checkpoints.length ? checkpoints[checkpoints.length - 1].size : 0;
  let read = 0;
  const observe = (records: IntegrityRecord[]) => {
    for (const record of records) facts.add(record.event);
    read += records.length;
    if (records.length) options.onProgress?.(read, Math.max(read, headSize));
    return records;
  };
  const log = sources.log;
  const observed: AuditableLog = {
    contiguousPositions: log.contiguousPositions,
    readIntegrity: async (from, limit) => observe(await log.readIntegrity(from, limit)),
    listCheckpoints: async () => checkpoints,
    latestCheckpoint: () => log.latestCheckpoint(),
    checkpointAt: (size) => log.checkpointAt(size),
    pageCheckpoints: (fromSize, limit) => log.pageCheckpoints(fromSize, limit),
  };
  const verification = await verifyNodeLog(
    { auditableLog: observed, signer: sources.signer, signsEveryAppend: sources.requireSignedHead },
    sources.node.id,
  );
  // A verification that stopped at a fault has not read the rest: the counts still cover the whole log.
  // A valid one read it all (and later appends, on a running node, are left to the next report).
  for (let page = verification.valid ? [] : await log.readIntegrity(facts.lastPosition, PAGE); page.length;) {
    for (const record of page) facts.add(record.event);
    page = await log.readIntegrity(facts.lastPosition, PAGE);
  }
  const chain = checkpointChain(checkpoints);
  const erasures = facts.erasures();
  return {
    node: sources.node,
    generatedAt,
    log: { size: verification.size, head: chain.latest ?? null },
    checkpoints: chain,
    verification: {
      valid: verification.valid,
      size: verification.size,
      root: verification.root,
      checkpointSize: verification.checkpointSize,
      requireSignedHead: sources.requireSignedHead,
      firstInvalidPosition: verification.firstInvalidPosition,
      reason: verification.reason,
      detail: verification.detail,
    },
    partners: (await sources.partners())
      .map((partner) => withTimes(partner, facts))
      .sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1)),
    accessLog: facts.accessLog(),
    erasures: { count: erasures.length, items: erasures },
    replay: options.replay ?? null,
  };
}

/** Adds when each kept checkpoint travelled, from the journal record of the message that carried it. */
function withTimes(partner: PartnerState, facts: LogFacts): PartnerWitnessing {
  const seen = (
    direction: 'received' | 'sent',
    checkpoint: { size: number; root: string } | undefined,
  ): WitnessedCheckpoint | undefined =>
    checkpoint && {
      size: checkpoint.size,
      root: checkpoint.root,
      at: facts.checkpointSeenAt(partner.nodeId, direction, checkpoint),
    };
  return {
    nodeId: partner.nodeId,
    country: partner.country,
    status: partner.status,
    hold: partner.hold,
    witnessed: seen('received', partner.witnessed),
    sent: seen('sent', partner.sent),
  };
}
