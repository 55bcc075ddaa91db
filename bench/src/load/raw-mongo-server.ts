/**
 * The raw baseline of the Kafka + MongoDB node: Fastify and the MongoDB driver (through mongoose, as
 * the node's read models use it) doing one insert per request into the server MONGO_URL names, with
 * nothing else. What that server allows is the ceiling of a node whose every command waits for its
 * read models there. Usage: node raw-mongo-server.js <mongo url with database> <port>
 */
import Fastify from 'fastify';
import mongoose from 'mongoose';
import { randomUUID } from 'node:crypto';

async function main(): Promise<void> {
  const [url, port] = process.argv.slice(2);
  const connection = await mongoose.createConnection(url, { bufferCommands: false }).asPromise();
  const records = connection.collection<{ _id: string; body: unknown }>('raw_baseline_records');
  const app = Fastify();
  app.get('/health', async () => ({ status: 'ok' }));
  app.post('/records', async (request, reply) => {
    const id = randomUUID();
    await records.insertOne({ _id: id, body: request.body });
    return reply.code(201).send({ id });
  });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
}

void main();
