import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import { openSqlite } from '@nrm/common/sqlite/open-sqlite';
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { BridgeStateStore, CrossBorderLink, HandoverSideName } from './bridge-state';

export const BRIDGE_STATE_FILE = 'partner-bridge.sqlite';

/** The bridge state in <dataDir>/partner-bridge.sqlite (WAL, synchronous FULL, owner-only). */
export class SqliteBridgeState implements BridgeStateStore {
  private readonly db: Database.Database;

  private constructor(file: string) {
    this.db = openSqlite(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS links (
        shared_ref TEXT PRIMARY KEY, handover_id TEXT NOT NULL, case_id TEXT NOT NULL,
        partner_node_id TEXT NOT NULL, partner_country TEXT NOT NULL, side TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS links_by_case ON links (case_id);
      CREATE TABLE IF NOT EXISTS seen (message_id TEXT PRIMARY KEY, at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS checkpoints (
        partner_node_id TEXT NOT NULL, direction TEXT NOT NULL, checkpoint TEXT NOT NULL,
        PRIMARY KEY (partner_node_id, direction));
      CREATE TABLE IF NOT EXISTS positions (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
    `);
  }

  static inDataDir(dataDir: string): SqliteBridgeState {
    return new SqliteBridgeState(join(dataDir, BRIDGE_STATE_FILE));
  }

  link(sharedCaseRef: string): CrossBorderLink | undefined {
    const row = this.db.prepare('SELECT * FROM links WHERE shared_ref = ?').get(sharedCaseRef) as
      Record<string, string> | undefined;
    return row && toLink(row);
  }

  linksOfCase(caseId: string): CrossBorderLink[] {
    return (
      this.db.prepare('SELECT * FROM links WHERE case_id = ?').all(caseId) as Record<string, string>[]
    ).map(toLink);
  }

  addLink(link: CrossBorderLink): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO links VALUES (?, ?, ?, ?, ?, ?)')
        .run(
          link.sharedCaseRef,
          link.handoverId,
          link.caseId,
          link.partnerNodeId,
          link.partnerCountry,
          link.side,
        ).changes === 1
    );
  }

  seen(messageId: string): boolean {
    return this.db.prepare('SELECT 1 FROM seen WHERE message_id = ?').get(messageId) !== undefined;
  }

  markSeen(messageId: string, at: string): void {
    this.db.prepare('INSERT OR IGNORE INTO seen VALUES (?, ?)').run(messageId, at);
  }

  checkpoint(partnerNodeId: string, direction: 'witnessed' | 'sent'): SignedCheckpoint | undefined {
    const row = this.db
      .prepare('SELECT checkpoint FROM checkpoints WHERE partner_node_id = ? AND direction = ?')
      .get(partnerNodeId, direction) as { checkpoint: string } | undefined;
    return row && (JSON.parse(row.checkpoint) as SignedCheckpoint);
  }

  setCheckpoint(
    partnerNodeId: string,
    direction: 'witnessed' | 'sent',
    checkpoint: SignedCheckpoint | undefined,
  ): void {
    if (!checkpoint) {
      this.db
        .prepare('DELETE FROM checkpoints WHERE partner_node_id = ? AND direction = ?')
        .run(partnerNodeId, direction);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO checkpoints VALUES (?, ?, ?) ON CONFLICT (partner_node_id, direction) DO UPDATE SET checkpoint = excluded.checkpoint',
      )
      .run(partnerNodeId, direction, JSON.stringify(checkpoint));
  }

  position(name: string): number | undefined {
    return (
      this.db.prepare('SELECT position FROM positions WHERE name = ?').get(name) as
        { position: number } | undefined
    )?.position;
  }

  setPosition(name: string, position: number): void {
    this.db
      .prepare(
        'INSERT INTO positions VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      )
      .run(name, position);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toLink(row: Record<string, string>): CrossBorderLink {
  return {
    sharedCaseRef: row.shared_ref,
    handoverId: row.handover_id,
    caseId: row.case_id,
    partnerNodeId: row.partner_node_id,
    partnerCountry: row.partner_country,
    side: row.side as HandoverSideName,
  };
}
