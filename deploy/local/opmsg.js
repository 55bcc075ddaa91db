'use strict';
/**
 * A minimal MongoDB wire-protocol client (OP_MSG, opcode 2013) with just enough BSON to send
 * `{ <command>: 1, $db }` and read the reply. Used by infra.js as a real readiness check of
 * FerretDB without the mongodb driver (not a dependency of this repo).
 *
 *   node deploy/local/opmsg.js [host:port]   # ping + listDatabases + buildInfo, exit 0 when ok
 */
const net = require('node:net');

const OP_MSG = 2013;

/** BSON for a flat document of strings / int32 / doubles / booleans. */
function encodeDoc(obj) {
  const parts = [];
  for (const [key, value] of Object.entries(obj)) {
    const name = Buffer.concat([Buffer.from(key, 'utf8'), Buffer.from([0])]);
    if (typeof value === 'string') {
      const str = Buffer.from(value, 'utf8');
      const len = Buffer.alloc(4);
      len.writeInt32LE(str.length + 1);
      parts.push(Buffer.from([0x02]), name, len, str, Buffer.from([0]));
    } else if (typeof value === 'boolean') {
      parts.push(Buffer.from([0x08]), name, Buffer.from([value ? 1 : 0]));
    } else if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) {
      const v = Buffer.alloc(4);
      v.writeInt32LE(value);
      parts.push(Buffer.from([0x10]), name, v);
    } else if (typeof value === 'number') {
      const v = Buffer.alloc(8);
      v.writeDoubleLE(value);
      parts.push(Buffer.from([0x01]), name, v);
    } else {
      throw new Error(`opmsg: unsupported value for ${key}`);
    }
  }
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(4);
  head.writeInt32LE(4 + body.length + 1);
  return Buffer.concat([head, body, Buffer.from([0])]);
}

/** Decodes a BSON document (the common types; binary/regex/etc. are skipped or shown as tags). */
function decodeDoc(buf, start = 0, isArray = false) {
  const size = buf.readInt32LE(start);
  const end = start + size - 1;
  let i = start + 4;
  const out = isArray ? [] : {};
  while (i < end) {
    const type = buf[i++];
    const zero = buf.indexOf(0, i);
    const key = buf.toString('utf8', i, zero);
    i = zero + 1;
    let value;
    switch (type) {
      case 0x01:
        value = buf.readDoubleLE(i);
        i += 8;
        break;
      case 0x02:
      case 0x0d:
      case 0x0e: {
        const len = buf.readInt32LE(i);
        value = buf.toString('utf8', i + 4, i + 4 + len - 1);
        i += 4 + len;
        break;
      }
      case 0x03:
      case 0x04: {
        value = decodeDoc(buf, i, type === 0x04);
        i += buf.readInt32LE(i);
        break;
      }
      case 0x05: {
        const len = buf.readInt32LE(i);
        value = `<binary ${len} bytes>`;
        i += 5 + len;
        break;
      }
      case 0x07:
        value = buf.toString('hex', i, i + 12);
        i += 12;
        break;
      case 0x08:
        value = buf[i] === 1;
        i += 1;
        break;
      case 0x09:
        value = new Date(Number(buf.readBigInt64LE(i)));
        i += 8;
        break;
      case 0x0a:
      case 0x06:
      case 0x7f:
      case 0xff:
        value = null;
        break;
      case 0x10:
        value = buf.readInt32LE(i);
        i += 4;
        break;
      case 0x11:
      case 0x12:
        value = Number(buf.readBigInt64LE(i));
        i += 8;
        break;
      case 0x13:
        value = `<decimal128>`;
        i += 16;
        break;
      default:
        throw new Error(`opmsg: cannot decode BSON type 0x${type.toString(16)} at key ${key}`);
    }
    if (isArray) out.push(value);
    else out[key] = value;
  }
  return out;
}

let nextRequestId = 1;

/** Sends one command over a fresh connection and resolves with the reply document. */
function command(host, port, cmd, timeoutMs = 3000) {
  return new Promise((resolve, reject) => {
    const requestId = nextRequestId++;
    const doc = encodeDoc(cmd);
    const header = Buffer.alloc(16);
    const flags = Buffer.alloc(4); // flagBits = 0
    const msg = Buffer.concat([header, flags, Buffer.from([0]), doc]);
    msg.writeInt32LE(msg.length, 0);
    msg.writeInt32LE(requestId, 4);
    msg.writeInt32LE(0, 8);
    msg.writeInt32LE(OP_MSG, 12);

    const sock = net.connect({ host, port });
    let chunks = Buffer.alloc(0);
    const timer = setTimeout(() => fail(new Error(`no reply within ${timeoutMs} ms`)), timeoutMs);
    function fail(err) {
      clearTimeout(timer);
      sock.destroy();
      reject(err);
    }
    sock.on('error', fail);
    sock.on('connect', () => sock.write(msg));
    sock.on('data', (d) => {
      chunks = Buffer.concat([chunks, d]);
      if (chunks.length < 4) return;
      const len = chunks.readInt32LE(0);
      if (chunks.length < len) return;
      clearTimeout(timer);
      sock.destroy();
      try {
        if (chunks.readInt32LE(8) !== requestId) throw new Error('reply to another request');
        if (chunks.readInt32LE(12) !== OP_MSG) throw new Error(`unexpected opcode ${chunks.readInt32LE(12)}`);
        if (chunks[20] !== 0) throw new Error(`unexpected section kind ${chunks[20]}`);
        resolve(decodeDoc(chunks, 21));
      } catch (err) {
        reject(err);
      }
    });
    sock.on('close', () => fail(new Error('connection closed before a full reply')));
  });
}

/**
 * Real readiness check: ping, then listDatabases (goes through the SQLite backend), then buildInfo.
 * Resolves with a one-line description, rejects with the reason.
 */
async function check(host, port, timeoutMs = 3000) {
  const ping = await command(host, port, { ping: 1, $db: 'admin' }, timeoutMs);
  if (ping.ok !== 1) throw new Error(`ping: ${JSON.stringify(ping)}`);
  const dbs = await command(host, port, { listDatabases: 1, nameOnly: true, $db: 'admin' }, timeoutMs);
  if (dbs.ok !== 1) throw new Error(`listDatabases: ${JSON.stringify(dbs)}`);
  const info = await command(host, port, { buildInfo: 1, $db: 'admin' }, timeoutMs);
  if (info.ok !== 1) throw new Error(`buildInfo: ${JSON.stringify(info)}`);
  return (
    `FerretDB ${info.ferretdbVersion || '?'} (MongoDB wire ${info.version || '?'}), ` +
    `${(dbs.databases || []).length} database(s)`
  );
}

module.exports = { command, check, encodeDoc, decodeDoc };

if (require.main === module) {
  const [host, port] = (process.argv[2] || '127.0.0.1:27017').split(':');
  check(host, Number(port)).then(
    (line) => {
      console.log(`ok: ${line}`);
    },
    (err) => {
      console.error(`not ready: ${err.message}`);
      process.exit(1);
    },
  );
}
