/**
 * HTTP partner transport, the embedded default: PUSH. Each node POSTs its outbox, message by message,
 * to `<partner.endpoint>/api/partners/inbox`, body = the envelope as a CloudEvent in structured mode
 * (`application/cloudevents+json`), and the answer IS the receiver's verdict (202 accepted, 200
 * duplicate, 422 rejected, 503 unavailable).
 *
 * Why push rather than a feed the partner polls: the sender learns the final verdict synchronously, so
 * its outbox knows exactly when the next message to that partner may go (strict order per recipient,
 * which the receiver's witnessing relies on); a message waits in the sender's outbox only, never in a
 * feed that must be kept, paged and garbage-collected per partner; a withdrawal (consent, erasure)
 * reaches everything not yet handed over; and each node needs only its inbox route reachable, with no
 * per-partner read authorisation on a feed. Polling would add latency and a second delivery state to
 * keep in step. Authentication is the envelope's signature, checked by the inbox handler; TLS (and
 * mutual TLS if the partners agree on it) is the `fetch` given in the options.
 */
import { DEFAULT_RETRY_BACKOFF } from './outbox-dispatcher';
import type { AttemptResult } from './outbox-dispatcher';
import { OutboxPartnerTransport, OutboxTransportOptions } from './outbox-partner-transport';
import type { InboxHandler } from './partner-transport.port';
import type { OutboxMessage } from './sqlite-outbox';
import {
  attemptResultOf,
  CLOUDEVENTS_JSON,
  InboxHttpResponse,
  answerInbox,
  PARTNER_INBOX_PATH,
} from './http-inbox-status';

export interface HttpPartnerTransportOptions extends OutboxTransportOptions {
  /** One POST may take this long before it counts as failed (and is retried). Default 15 s. */
  requestTimeoutMs?: number;
  /** The fetch to use (e.g. with an undici Agent for mutual TLS). Default: Node's global fetch. */
  fetch?: typeof fetch;
}

export class HttpPartnerTransport extends OutboxPartnerTransport {
  private inbox?: InboxHandler;
  private readonly requestTimeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HttpPartnerTransportOptions) {
    super(options);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /**
   * The receiving side, for the node's HTTP controller of `POST /api/partners/inbox`: hands the parsed
   * body to the inbox handler given to `start` and answers its verdict. Before `start` (or after
   * `close`), and when the handler throws, the answer is 503: the sender keeps the message and retries.
   */
  receive(body: unknown): Promise<InboxHttpResponse> {
    return answerInbox(this.inbox, body, (error) => this.reportError(error));
  }

  protected async startReceiving(inbox: InboxHandler): Promise<void> {
    this.inbox = inbox;
  }

  protected async stopReceiving(): Promise<void> {
    this.inbox = undefined;
  }

  protected async deliver(message: OutboxMessage, signal: AbortSignal): Promise<AttemptResult> {
    const partner = this.activePartner(message);
    if ('retry' in partner) return partner;
    if (!partner.endpoint) return { retry: `partner ${partner.nodeId} has no endpoint` };
    const url = partner.endpoint.replace(/\/+$/, '') + PARTNER_INBOX_PATH;
    try {
      const response = await this.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': CLOUDEVENTS_JSON,
          accept: 'application/json, application/problem+json',
        },
        body: JSON.stringify(message.envelope),
        // A redirect would be a misconfigured endpoint: fail (and retry) rather than follow it elsewhere.
        redirect: 'error',
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.requestTimeoutMs)]),
      });
      const text = await response.text();
      return attemptResultOf(
        response.status,
        text,
        response.headers.get('retry-after'),
        this.options.backoff?.maxMs ?? DEFAULT_RETRY_BACKOFF.maxMs,
      );
    } catch (error) {
      return { retry: `POST ${url} failed: ${describe(error)}` };
    }
  }
}

/** fetch hides the network cause (ECONNREFUSED, timeout) one level down. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
