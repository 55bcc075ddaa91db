import { escapeHtml as e, jsonForScript, REPORT_DATA_ELEMENT_ID } from './html-text';
import type {
  CheckpointSummary,
  IntegrityReportData,
  PartnerWitnessing,
  SignedIntegrityReport,
  WitnessedCheckpoint,
} from './integrity-report-data';
import { REPORT_CSS } from './report-styles';
import { integrityReportDigest } from './sign-integrity-report';

type Cell = string | { html: string } | { num: number };

const cell = (value: Cell): string =>
  typeof value === 'string'
    ? `<td>${e(value)}</td>`
    : 'num' in value
      ? `<td class="num">${e(value.num)}</td>`
      : `<td>${value.html}</td>`;

function table(headers: string[], rows: Cell[][], empty: string): string {
  if (rows.length === 0) return `<p class="muted">${e(empty)}</p>`;
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Two-column facts: a label and its value (already HTML). */
function facts(rows: [string, string][]): string {
  return `<table>${rows.map(([label, html]) => `<tr><th scope="row">${e(label)}</th><td>${html}</td></tr>`).join('')}</table>`;
}

const hash = (value: string) => `<code class="hash">${e(value)}</code>`;
const checkpointCells = (c: CheckpointSummary): Cell[] => [
  { num: c.size },
  { html: hash(c.root) },
  { html: hash(c.keyId) },
];
const seen = (c: WitnessedCheckpoint | undefined) =>
  c
    ? `size ${e(c.size)}, root ${hash(c.root)}${c.at ? `, ${e(c.at)}` : ''}`
    : '<span class="muted">none yet</span>';

function logSection(data: IntegrityReportData): string {
  const head = data.log.head;
  return `<h2>1. The log and its head</h2>
${facts([
  ['Events in the log', e(data.log.size)],
  ['Signed tree head: size', head ? e(head.size) : '<span class="muted">no signed checkpoint</span>'],
  ['Signed tree head: root (SHA-256, RFC 6962)', head ? hash(head.root) : '—'],
  ['Signed by key', head ? hash(head.keyId) : '—'],
])}
<p class="muted">Keep the size and root: any later copy of this log must still contain this tree
(GET /api/audit/consistency, or a partner that witnessed it).</p>`;
}

function chainSection(data: IntegrityReportData): string {
  const chain = data.checkpoints;
  return `<h2>2. Checkpoint chain</h2>
<p>${e(chain.count)} signed checkpoint(s), each checked by the verification below.</p>
${table(
  ['Key id', 'Checkpoints', 'From size', 'To size'],
  chain.keys.map((k) => [{ html: hash(k.keyId) }, { num: k.count }, { num: k.fromSize }, { num: k.toSize }]),
  'The store signs no checkpoints.',
)}
${chain.first ? `<p>First: size ${e(chain.first.size)}, root ${hash(chain.first.root)}</p>` : ''}
<h3>The newest checkpoints</h3>
${table(['Size', 'Root', 'Key id'], chain.recent.map(checkpointCells), 'None.')}`;
}

function verificationSection(data: IntegrityReportData): string {
  const v = data.verification;
  const rows: [string, string][] = [
    ['Result', v.valid ? 'VALID' : 'INVALID'],
    ['Events read', e(v.size)],
    ['Root recomputed from the events', hash(v.root)],
    ['Largest signed checkpoint', e(v.checkpointSize)],
    ['Every append must be signed', v.requireSignedHead ? 'yes (embedded store)' : 'no'],
  ];
  if (!v.valid) {
    rows.push(
      ['First invalid position', e(v.firstInvalidPosition ?? '—')],
      ['Reason', e(v.reason ?? '—')],
      ['Detail', e(v.detail ?? '—')],
    );
  }
  return `<h2>3. Verification</h2>
<div class="verdict ${v.valid ? 'ok' : 'fail'}">${
    v.valid
      ? 'The log verifies: every event hashes to its leaf, and every signed checkpoint matches the tree recomputed from the events.'
      : 'THE LOG DOES NOT VERIFY: the first place it differs from what the node signed is shown below.'
  }</div>
${facts(rows)}`;
}

const status = (p: PartnerWitnessing) =>
  p.hold ? `${e(p.status)}: ${e(p.hold.reason)} (${e(p.hold.detail)})` : e(p.status);

function partnersSection(data: IntegrityReportData): string {
  return `<h2>4. Partner witnessing</h2>
<p class="muted">Each message carries the sender's signed checkpoint and a consistency proof from the last one
the receiver kept: a partner that witnessed our checkpoint holds evidence of our log's size and root at that time.</p>
${table(
  [
    'Partner node',
    'Country',
    'Status',
    'Their last checkpoint we witnessed',
    'Our last checkpoint they received',
  ],
  data.partners.map((p) => [
    p.nodeId,
    p.country,
    { html: status(p) },
    { html: seen(p.witnessed) },
    { html: seen(p.sent) },
  ]),
  'No partner registered.',
)}`;
}

function accessSection(data: IntegrityReportData): string {
  const a = data.accessLog;
  const period = a.from ? `from ${e(a.from)} to ${e(a.to)}` : 'no read recorded';
  return `<h2>5. Access log</h2>
<p>${e(a.total)} read(s) of personal data recorded, ${period}. Counts only: who read which case is in
GET /api/audit/access-log.</p>
${table(
  ['Purpose', 'Role', 'Reads'],
  a.byPurposeAndRole.map((r) => [r.purpose, r.role, { num: r.count }]),
  'No read of personal data recorded.',
)}
${table(
  ['Channel', 'Reads'],
  a.byChannel.map((r) => [r.channel, { num: r.count }]),
  '',
)}`;
}

function erasureSection(data: IntegrityReportData): string {
  return `<h2>6. Erasures</h2>
<p>${e(data.erasures.count)} erasure(s) performed. The person's keys were destroyed; the records stay in the log
(which still verifies). Cases are named by their pseudonymous id only.</p>
${table(
  ['Case id', 'Erased at', 'Legal basis', 'By role', 'Log position'],
  data.erasures.items.map((x) => [
    { html: hash(x.caseId) },
    x.at,
    x.legalBasis,
    x.actorRole,
    { num: x.position },
  ]),
  'No erasure performed.',
)}`;
}

function replaySection(data: IntegrityReportData): string {
  const r = data.replay;
  if (!r) {
    return `<h2>7. Replay audit</h2>
<p>Not run in this report: on the stopped node, <code>npm run cli -- audit report --replay</code> includes it
(or <code>npm run cli -- audit replay</code> runs it alone).</p>`;
  }
  return `<h2>7. Replay audit</h2>
<div class="verdict ${r.equal ? 'ok' : 'fail'}">${
    r.equal
      ? 'The read models rebuilt from the log equal the ones the node kept.'
      : 'The read models rebuilt from the log DIFFER from the ones the node kept.'
  }</div>
${facts([
  ['Performed at', e(r.performedAt)],
  ['Replayed up to position', e(r.untilPosition ?? 'the head')],
  ['Rows compared', e(r.comparedRows)],
  ['Differences', e(r.differences.length)],
])}
${table(
  ['Read model', 'Key', 'Kind', 'Fields'],
  r.differences.map((d) => [d.model, d.key, d.kind, (d.fields ?? []).join(', ')]),
  '',
)}`;
}

function signatureSection(report: SignedIntegrityReport, digest: string): string {
  return `<h2>8. Signature</h2>
${facts([
  ['SHA-256 of the signed data', hash(digest)],
  ['Node key id', hash(report.publicKeyId)],
  ['Ed25519 signature (base64)', hash(report.signature)],
])}
<p>The node signed <code>nrm-signed-document nrm-integrity-report\\n&lt;SHA-256&gt;\\n</code>, where the SHA-256 is
that of the canonical JSON (keys sorted, no spaces) of the block embedded in this file without its
<code>signature</code>. Check it without the node: <code>npx nrm-verify &lt;this file&gt; --key ${e(report.publicKeyId)}</code>
(compare the key id with the one the node's partners registered). On paper, compare the SHA-256 above
with the one nrm-verify prints for the electronic copy.</p>
<pre>${e(report.publicKey)}</pre>`;
}

/**
 * The printable report: self-contained HTML (inline styles, no external resource, no script but the
 * signed data as JSON), every value escaped, dates as the log records them (UTC ISO 8601).
 */
export function renderIntegrityReport(report: SignedIntegrityReport): string {
  const data = report.data;
  const digest = integrityReportDigest(report);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Integrity report: node ${e(data.node.id)}, ${e(data.generatedAt)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>Integrity report of node ${e(data.node.id)} (${e(data.node.country)})</h1>
<p class="lead">Generated ${e(data.generatedAt)} (UTC). Signed by the node key ${hash(report.publicKeyId)};
SHA-256 of the signed data ${hash(digest)}.</p>
${logSection(data)}
${chainSection(data)}
${verificationSection(data)}
${partnersSection(data)}
${accessSection(data)}
${erasureSection(data)}
${replaySection(data)}
${signatureSection(report, digest)}
<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">
${jsonForScript(report)}
</script>
</body>
</html>
`;
}
