import type { Schema } from '@nrm/api-client';
import { NodeClient } from './node-client';

/** One line of GET /api/cases/:id/handover-history (ids, kinds and hashes: no personal data). */
export type HistoryMessage = Schema<'HandoverMessage'>;

/** One node's history of the handover: its exchange with the partner about the case. */
export interface NodeHistory {
  /** "DE", "MD". */
  label: string;
  partnerNodeId?: string;
  side?: string;
  messages: HistoryMessage[];
}

/** The node's history of `caseId` as its auditor reads it (the case's one exchange with a partner). */
export async function fetchHistory(node: NodeClient, caseId: string): Promise<NodeHistory> {
  const body = await node.call('auditor', (api) =>
    api.GET('/api/cases/{id}/handover-history', { params: { path: { id: caseId } } }),
  );
  if (body.exchanges.length > 1)
    throw new Error(`${node.label}: case ${caseId} has ${body.exchanges.length} exchanges, expected one`);
  const exchange = body.exchanges[0];
  return {
    label: node.label,
    partnerNodeId: exchange?.partnerNodeId,
    side: exchange?.side,
    messages: exchange?.messages ?? [],
  };
}

/** One row of the side-by-side table: the same message on each node (or a gap on one side). */
export interface HistoryRow {
  left?: HistoryMessage;
  right?: HistoryMessage;
  agree: boolean;
}

export interface HistoryComparison {
  agree: boolean;
  rows: HistoryRow[];
  /** Each disagreement, in words. */
  problems: string[];
}

const short = (value: string | undefined, length = 8) => (value ? value.slice(0, length) : '-');
const opposite: Record<string, string> = { outgoing: 'incoming', incoming: 'outgoing' };

/**
 * The two histories agree when they hold the same messages (ids, kinds, digests of the same signed
 * envelope), each sent by one node and received by the other, and every one accepted on both sides.
 * Records without a message id (a message withheld by its sender) count as disagreements: in this
 * walk every step's message must travel. With `expectedKinds`, the messages must be those, in order.
 */
export function compareHistories(
  left: NodeHistory,
  right: NodeHistory,
  expectedKinds?: readonly string[],
): HistoryComparison {
  const problems: string[] = [];
  const rows: HistoryRow[] = [];
  const rightById = new Map<string, HistoryMessage>();
  for (const m of right.messages) if (m.messageId) rightById.set(m.messageId, m);
  const leftIds = new Set(left.messages.filter((m) => m.messageId).map((m) => m.messageId as string));

  const describe = (m: HistoryMessage) => `${short(m.messageId)} ${m.kind ?? '(no kind)'}`;
  for (const m of left.messages) {
    if (!m.messageId) {
      rows.push({ left: m, agree: false });
      problems.push(`${left.label} recorded ${m.kind ?? 'a message'} without sending it: ${m.outcome}`);
      continue;
    }
    const other = rightById.get(m.messageId);
    const rowProblems = other ? differences(m, other, left.label, right.label) : [];
    if (!other) rowProblems.push(`${describe(m)}: only on ${left.label} (${m.direction}, ${m.outcome})`);
    rows.push({ left: m, right: other, agree: rowProblems.length === 0 });
    problems.push(...rowProblems);
  }
  for (const m of right.messages) {
    if (m.messageId && leftIds.has(m.messageId)) continue;
    rows.push({ right: m, agree: false });
    problems.push(
      m.messageId
        ? `${describe(m)}: only on ${right.label} (${m.direction}, ${m.outcome})`
        : `${right.label} recorded ${m.kind ?? 'a message'} without sending it: ${m.outcome}`,
    );
  }
  if (expectedKinds) {
    const kinds = left.messages.map((m) => m.kind ?? '?');
    if (kinds.join() !== expectedKinds.join())
      problems.push(
        `the walk sends ${expectedKinds.length} messages (${expectedKinds.join(', ')}); ` +
          `${left.label} holds ${kinds.length} (${kinds.join(', ') || 'none'})`,
      );
  }
  return { agree: problems.length === 0, rows, problems };
}

function differences(a: HistoryMessage, b: HistoryMessage, aLabel: string, bLabel: string): string[] {
  const what = `${short(a.messageId)} ${a.kind ?? '(no kind)'}`;
  const found: string[] = [];
  if (a.kind !== b.kind) found.push(`${what}: kind ${a.kind} on ${aLabel}, ${b.kind} on ${bLabel}`);
  if (a.digest !== b.digest)
    found.push(`${what}: digest ${short(a.digest, 16)} on ${aLabel}, ${short(b.digest, 16)} on ${bLabel}`);
  if (opposite[a.direction] !== b.direction)
    found.push(`${what}: ${a.direction} on ${aLabel} and ${b.direction} on ${bLabel}`);
  for (const [label, m] of [
    [aLabel, a],
    [bLabel, b],
  ] as const)
    if (m.outcome !== 'accepted')
      found.push(`${what}: ${m.outcome} on ${label}${m.detail ? ` (${m.detail})` : ''}`);
  return found;
}

const COLUMNS = [
  { title: 'message', width: 8 },
  { title: 'kind', width: 31 },
  { title: 'dir', width: 3 },
  { title: 'digest', width: 8 },
  { title: 'outcome', width: 10 },
];

function cells(m: HistoryMessage | undefined): string[] {
  if (!m) return ['-', '(missing)', '', '', ''];
  const replays = m.replays ? ` +${m.replays} replay${m.replays > 1 ? 's' : ''}` : '';
  return [
    short(m.messageId),
    m.kind ?? '-',
    m.direction === 'outgoing' ? 'out' : m.direction === 'incoming' ? 'in' : m.direction,
    short(m.digest),
    m.outcome + replays,
  ];
}

const line = (values: string[]) => values.map((v, i) => v.padEnd(COLUMNS[i].width)).join(' ');

/**
 * Both histories side by side, one message per row (same message id on one row):
 *   #  | <left: message kind dir digest outcome> | <right: the same> | agree
 * then one line saying whether they agree, and each difference.
 */
export function renderHistories(
  left: NodeHistory,
  right: NodeHistory,
  comparison: HistoryComparison,
): string {
  const sideTitle = (h: NodeHistory) =>
    `${h.label}${h.side ? ` (${h.side})` : ''}${h.partnerNodeId ? `, partner ${h.partnerNodeId}` : ''}`;
  const width = line(COLUMNS.map(() => '')).length;
  const out = [
    `    | ${sideTitle(left).padEnd(width)} | ${sideTitle(right).padEnd(width)} |`,
    ` #  | ${line(COLUMNS.map((c) => c.title))} | ${line(COLUMNS.map((c) => c.title))} | agree`,
    `----+-${'-'.repeat(width)}-+-${'-'.repeat(width)}-+------`,
  ];
  comparison.rows.forEach((row, i) => {
    out.push(
      `${String(i + 1).padStart(3)} | ${line(cells(row.left))} | ${line(cells(row.right))} | ${row.agree ? 'yes' : 'NO'}`,
    );
  });
  if (comparison.rows.length === 0) out.push('    | (no messages on either node)');
  out.push('');
  if (comparison.agree) {
    out.push(
      `${left.label} and ${right.label} agree: ${comparison.rows.length} messages, same ids, kinds and digests, ` +
        'each accepted on both sides.',
    );
  } else {
    out.push(`${left.label} and ${right.label} DIFFER:`);
    for (const problem of comparison.problems) out.push(`  - ${problem}`);
  }
  return out.join('\n');
}
