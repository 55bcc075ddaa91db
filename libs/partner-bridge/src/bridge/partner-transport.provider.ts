import type { PartnerTransport } from '@nrm/transnational';

/** The transport between partner nodes (HTTP by default, Kafka when KAFKA_BROKERS is set). */
export const PARTNER_TRANSPORT = Symbol('PARTNER_TRANSPORT');
/** The bridge's working state (links, seen ids, witnessed checkpoints). */
export const BRIDGE_STATE = Symbol('BRIDGE_STATE');

export type { PartnerTransport };
