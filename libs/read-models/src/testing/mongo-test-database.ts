import mongoose, { type Connection } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../mongo/mongo-read-model-schemas';

/**
 * For tests: a database of its own (unique name), reached over a connection apart from the store's,
 * to look at or tamper with what the store wrote, and to drop it afterwards.
 */
export class MongoTestDatabase {
  private constructor(
    readonly url: string,
    readonly dbName: string,
    readonly connection: Connection,
  ) {}

  static async create(url: string, prefix = 'nrm_test'): Promise<MongoTestDatabase> {
    const dbName = `${prefix}_${randomBytes(6).toString('hex')}`;
    const connection = await mongoose
      .createConnection(url, { dbName, serverSelectionTimeoutMS: 10_000, bufferCommands: false })
      .asPromise();
    return new MongoTestDatabase(url, dbName, connection);
  }

  async setCheckpoint(projection: string, position: number): Promise<void> {
    await this.connection
      .collection<{ _id: string; position: number }>(COLLECTIONS.checkpoints)
      .updateOne({ _id: projection }, { $set: { position } }, { upsert: true });
  }

  async drop(): Promise<void> {
    try {
      await this.connection.dropDatabase();
    } finally {
      await this.connection.close();
    }
  }
}
