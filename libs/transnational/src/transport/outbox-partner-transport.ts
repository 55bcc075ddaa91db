import type { CrossBorderEnvelope } from '../envelope/cross-border-envelope';
import type { Partner } from '../registry/partner';
import { AttemptResult, OutboxDispatcher, RetryBackoff } from './outbox-dispatcher';
import type { Delivery, InboxHandler, PartnerTransport } from './partner-transport.port';
import { OutboxMessage, SqliteOutbox } from './sqlite-outbox';

/** What every adapter takes: where its outbox lives and how it finds partners. */
export interface OutboxTransportOptions {
  /** The outbox's SQLite file (e.g. `<dataDir>/partner-outbox.sqlite`). */
  outboxFile: string;
  /**
   * The partner as the registry knows it NOW (it may change at runtime: new endpoint, removal). Asked
   * before every attempt. A partner that is unknown, removed or (HTTP) has no endpoint is not sent
   * anything: its queue waits, retried with backoff, until the registry knows it again or the queue is
   * dropped (`dropRecipient`, `withdraw`). Waiting rather than dropping: a registry that is still being
   * loaded at start-up, or a partner re-added after a mistake, must not lose messages.
   */
  resolvePartner: (nodeId: string) => Partner | undefined;
  backoff?: RetryBackoff;
  /** Partners attempted at the same time. Default 8. */
  maxConcurrentDeliveries?: number;
  /** See OutboxDispatcherOptions.prepare. */
  prepare?: (envelope: CrossBorderEnvelope, recipientNodeId: string) => Promise<CrossBorderEnvelope>;
  /** Told about failed attempts (retried), failed receives and failing callbacks; for logging. */
  onError?: (error: Error, message?: OutboxMessage) => void;
}

/**
 * The parts both adapters share: the durable outbox (send, withdraw, pending) and its dispatcher.
 * An adapter says how one message is handed on (`deliver`) and how it receives.
 */
export abstract class OutboxPartnerTransport implements PartnerTransport {
  protected readonly outbox: SqliteOutbox;
  private dispatcher?: OutboxDispatcher;
  private closing?: Promise<void>;
  private starting = false;

  protected constructor(protected readonly transportOptions: OutboxTransportOptions) {
    this.outbox = SqliteOutbox.open({ file: transportOptions.outboxFile });
  }

  async send(partner: Partner, envelope: CrossBorderEnvelope): Promise<void> {
    if (this.closing) throw new Error('partner transport is closed');
    for (const member of ['id', 'subject'] as const) {
      if (typeof envelope[member] !== 'string' || envelope[member].length === 0)
        throw new TypeError(`envelope ${member} must be a non-empty string`);
    }
    if (envelope.nrmrecipient !== partner.nodeId)
      throw new Error(
        `envelope ${envelope.id} is addressed to ${envelope.nrmrecipient}, not ${partner.nodeId}`,
      );
    if (partner.status === 'removed')
      throw new Error(`partner ${partner.nodeId} is removed from the registry: nothing is sent to it`);
    if (this.outbox.enqueue(partner.nodeId, envelope)) this.dispatcher?.notify();
  }

  async start(
    inbox: InboxHandler,
    onDelivered?: (delivery: Delivery) => Promise<void> | void,
  ): Promise<void> {
    if (this.closing) throw new Error('partner transport is closed');
    if (this.starting) throw new Error('partner transport already started');
    this.starting = true;
    try {
      await this.startReceiving(inbox);
    } catch (error) {
      this.starting = false;
      throw error;
    }
    this.dispatcher = new OutboxDispatcher(this.outbox, (message, signal) => this.deliver(message, signal), {
      backoff: this.transportOptions.backoff,
      maxConcurrent: this.transportOptions.maxConcurrentDeliveries,
      onDelivered,
      prepare: this.transportOptions.prepare,
      onError: this.transportOptions.onError,
    });
    this.dispatcher.start();
  }

  async withdraw(subject: string): Promise<number> {
    return this.outbox.withdraw(subject);
  }

  /** Drops every queued message to one partner (its removal is final); returns how many. */
  async dropRecipient(nodeId: string): Promise<number> {
    return this.outbox.dropRecipient(nodeId);
  }

  /**
   * Attempts the queue of one partner (or of all) now rather than when its backoff says: the registry
   * calls it when a partner comes back or its endpoint changes.
   */
  retryNow(nodeId?: string): void {
    this.outbox.retryNow(nodeId);
    this.dispatcher?.notify();
  }

  async pending(): Promise<Record<string, number>> {
    return this.outbox.pending();
  }

  /** Messages still queued to one partner, oldest first, with their attempts and last error. */
  queued(nodeId: string): OutboxMessage[] {
    return this.outbox.queued(nodeId);
  }

  /** Stops delivering (attempts in flight are aborted and retried after a restart), stops receiving. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.dispatcher?.stop();
        await this.stopReceiving();
      } finally {
        this.outbox.close();
      }
    })();
    return this.closing;
  }

  /** Hands `message` on; never throws for a delivery problem, it answers `retry` instead. */
  protected abstract deliver(message: OutboxMessage, signal: AbortSignal): Promise<AttemptResult>;
  protected abstract startReceiving(inbox: InboxHandler): Promise<void>;
  protected abstract stopReceiving(): Promise<void>;

  /** The partner to send `message` to now, or why not (the queue waits). */
  protected activePartner(message: OutboxMessage): Partner | { retry: string } {
    const partner = this.transportOptions.resolvePartner(message.recipientNodeId);
    if (!partner) return { retry: `partner ${message.recipientNodeId} is not in the registry` };
    if (partner.status === 'removed') return { retry: `partner ${message.recipientNodeId} is removed` };
    return partner;
  }

  protected reportError(error: unknown): void {
    try {
      this.transportOptions.onError?.(error instanceof Error ? error : new Error(String(error)));
    } catch {
      // A failing logger must not stop the transport.
    }
  }
}
