import type { AttemptResult } from './outbox-dispatcher';
import type { InboxHandler, InboxVerdict } from './partner-transport.port';

/** The path every node serves its partner inbox at, under its endpoint. */
export const PARTNER_INBOX_PATH = '/api/partners/inbox';
/** CloudEvents structured mode over HTTP: the body is the whole event. */
export const CLOUDEVENTS_JSON = 'application/cloudevents+json';
export const PROBLEM_JSON = 'application/problem+json';
export const PARTNER_MESSAGE_REJECTED = 'partner-message-rejected';

/** What the node's HTTP controller answers for one POST to its inbox. */
export interface InboxHttpResponse {
  status: number;
  body: unknown;
  /** Response headers to set (content-type always; Retry-After for 503). */
  headers: Record<string, string>;
}

/**
 * Hands one POSTed body to the inbox and answers its verdict. No handler (not started, or closed) and a
 * handler that throws both answer 503: the sender keeps the message and retries. The error goes to
 * `onError` only: its text may name internals.
 */
export async function answerInbox(
  inbox: InboxHandler | undefined,
  body: unknown,
  onError: (error: unknown) => void,
): Promise<InboxHttpResponse> {
  if (!inbox) return inboxResponse({ outcome: 'unavailable', reason: 'inbox not started' });
  try {
    return inboxResponse(await inbox(body));
  } catch (error) {
    onError(error);
    return inboxResponse({ outcome: 'unavailable', reason: 'inbox failed' });
  }
}

/**
 * Receiving side. 202 accepted, 200 duplicate (already recorded: the sender stops too), 422 rejected
 * (problem+json with the reason: final, the sender does not retry), 503 unavailable (retry later).
 */
export function inboxResponse(verdict: InboxVerdict, retryAfterSeconds = 5): InboxHttpResponse {
  const json = { 'content-type': 'application/json' };
  switch (verdict.outcome) {
    case 'accepted':
      return { status: 202, body: { outcome: 'accepted' }, headers: json };
    case 'duplicate':
      return { status: 200, body: { outcome: 'duplicate' }, headers: json };
    case 'rejected':
      return {
        status: 422,
        body: {
          type: `https://nrm.example.org/problems/${PARTNER_MESSAGE_REJECTED}`,
          title: 'Unprocessable Content',
          status: 422,
          detail: `The message was rejected: ${verdict.reason}`,
          rule: PARTNER_MESSAGE_REJECTED,
          outcome: 'rejected',
          reason: verdict.reason,
        },
        headers: { 'content-type': PROBLEM_JSON },
      };
    case 'unavailable':
      return {
        status: 503,
        body: {
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: `The inbox cannot take the message now: ${verdict.reason}`,
          outcome: 'unavailable',
          reason: verdict.reason,
        },
        headers: { 'content-type': PROBLEM_JSON, 'retry-after': String(retryAfterSeconds) },
      };
  }
}

/**
 * Sending side: 2xx is final (200 duplicate, other 2xx accepted, unless the body names the outcome);
 * 408, 429, 5xx and anything unexpected (1xx, 3xx) are retried; every other 4xx is a final rejection
 * with the problem's `reason` (or `detail`). Retry-After (seconds) delays the retry, capped at `maxDelayMs`.
 */
export function attemptResultOf(
  status: number,
  bodyText: string,
  retryAfter: string | null,
  maxDelayMs: number,
  now = Date.now(),
): AttemptResult {
  const body = parseObject(bodyText);
  if (status >= 200 && status < 300) {
    if (body?.outcome === 'accepted' || body?.outcome === 'duplicate')
      return { final: { outcome: body.outcome } };
    return { final: { outcome: status === 200 ? 'duplicate' : 'accepted' } };
  }
  const reason = textOf(body?.reason) ?? textOf(body?.detail) ?? `HTTP ${status}`;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429)
    return { final: { outcome: 'rejected', reason } };
  const result: AttemptResult = { retry: `HTTP ${status}: ${reason}` };
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : undefined;
  if (seconds !== undefined) result.notBefore = now + Math.min(seconds * 1000, maxDelayMs);
  return result;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 500) : undefined;
}
