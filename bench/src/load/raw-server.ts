/**
 * The raw baseline of the load test: Fastify and better-sqlite3 doing one insert per request, at the
 * node's durability (WAL, synchronous=FULL), with nothing else: no auth, no decision, no encryption,
 * no Merkle log, no projection. Usage: node raw-server.js <db file> <port>
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';

async function main(): Promise<void> {
  const [file, port] = process.argv.slice(2);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO records (id, body) VALUES (?, ?)');
  const app = Fastify();
  app.get('/health', async () => ({ status: 'ok' }));
  app.post('/records', async (request, reply) => {
    const id = randomUUID();
    insert.run(id, JSON.stringify(request.body));
    return reply.code(201).send({ id });
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
}

void main();
