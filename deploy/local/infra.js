#!/usr/bin/env node
'use strict';
/**
 * Local infrastructure without Docker: a real single-node Apache Kafka (KRaft, broker+controller)
 * on 127.0.0.1:9092 from its Maven Central jars, and FerretDB v1 (SQLite backend) on 127.0.0.1:27017
 * built from the Go module proxy. See deploy/local/README.md.
 *
 *   node deploy/local/infra.js up       [kafka|mongo ...]   fetch (first time only), start, wait until ready
 *   node deploy/local/infra.js down     [kafka|mongo ...] [--purge]   stop (SIGTERM, then SIGKILL); --purge deletes data
 *   node deploy/local/infra.js restart  [kafka|mongo ...]   stop + start, data kept
 *   node deploy/local/infra.js status   [kafka|mongo ...]   exit 0 only if every named server is running and ready
 *   node deploy/local/infra.js pause|resume [kafka|mongo ...]   freeze a server (SIGSTOP), then thaw it (fault tests)
 *   node deploy/local/infra.js install                      only fill the cache (Kafka jars, ferretdb binary)
 *   node deploy/local/infra.js kafka-cli <tool|main.Class> [args]   run a Kafka CLI tool from the cached jars
 */
const fs = require('node:fs');
const os = require('node:os');
const net = require('node:net');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');
const opmsg = require('./opmsg');

// ---------------------------------------------------------------- settings
const REPO = path.resolve(__dirname, '..', '..');
const HOME = path.resolve(process.env.NRM_INFRA_HOME || path.join(REPO, '.infra'));
const CACHE = path.resolve(
  process.env.NRM_INFRA_CACHE ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'nrm-infra'),
);
const KAFKA_VERSION = process.env.NRM_KAFKA_VERSION || '4.4.0';
const SCALA_VERSION = '2.13';
// log4j-core comes with Kafka; the slf4j binding that Kafka's own distribution ships is added with
// the same version, otherwise the broker logs nothing (slf4j without a binding).
const LOG4J_VERSION = process.env.NRM_KAFKA_LOG4J_VERSION || '2.25.5';
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_VERSION = 'v1.24.2';
const KAFKA_HEAP = process.env.NRM_KAFKA_HEAP || '512m';
const AUTO_CREATE_TOPICS = /^(1|true|yes)$/i.test(process.env.NRM_KAFKA_AUTO_CREATE_TOPICS || 'false');
const READY_TIMEOUT_S = Number(process.env.NRM_INFRA_TIMEOUT || 120);
const HOST = '127.0.0.1';
const KAFKA_PORT = 9092;
const KAFKA_CONTROLLER_PORT = 9093;
const MONGO_PORT = 27017;

const dirs = {
  data: path.join(HOME, 'data'),
  run: path.join(HOME, 'run'),
  log: path.join(HOME, 'log'),
  conf: path.join(HOME, 'conf'),
};
const kafkaCache = path.join(CACHE, `kafka-${SCALA_VERSION}-${KAFKA_VERSION}`);
const kafkaLibs = path.join(kafkaCache, 'libs');
const ferretCache = path.join(CACHE, `ferretdb-${FERRETDB_VERSION}`);
const ferretBin = path.join(ferretCache, 'bin', 'ferretdb');
const goEnv = {
  GOMODCACHE: path.join(CACHE, 'go', 'mod'),
  GOCACHE: path.join(CACHE, 'go', 'build'),
  GOFLAGS: '-buildvcs=false',
  GOTOOLCHAIN: 'local',
};
const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const javac = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'javac') : 'javac';
const log4jConf = path.join(__dirname, 'kafka-log4j2.properties');

// ---------------------------------------------------------------- helpers
const t0 = Date.now();
let sayTo = process.stdout;
let announceCache = false; // 'cached' lines only for up/install, not for status/kafka-cli
function say(msg) {
  const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(5);
  sayTo.write(`[infra ${s}s] ${msg}\n`);
}
class InfraError extends Error {}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function mkdirs(...ds) {
  for (const d of ds) fs.mkdirSync(d, { recursive: true });
}

/** Runs a command to completion with its output shown; throws with the command line on failure. */
function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (res.error) throw new InfraError(`${cmd} could not be started: ${res.error.message}`);
  if (res.status !== 0) {
    throw new InfraError(`command failed (exit ${res.status}): ${cmd} ${args.join(' ')}`);
  }
}

function capture(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  if (res.error) throw new InfraError(`${cmd} could not be started: ${res.error.message}`);
  if (res.status !== 0) {
    throw new InfraError(
      `command failed (exit ${res.status}): ${cmd} ${args.join(' ')}\n${res.stderr || ''}${res.stdout || ''}`,
    );
  }
  return res.stdout;
}

function need(cmd, why) {
  const res = spawnSync(cmd, ['-version'], { stdio: 'ignore' });
  if (res.error) throw new InfraError(`'${cmd}' not found on PATH: needed ${why}`);
}

function dirSize(p) {
  let total = 0;
  if (!fs.existsSync(p)) return 0;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) {
    const f = path.join(p, e.name);
    if (e.isDirectory()) total += dirSize(f);
    else if (e.isFile()) total += fs.statSync(f).size;
  }
  return total;
}
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;

function tail(file, lines = 25) {
  if (!fs.existsSync(file)) return `(no log file ${file})`;
  const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  return text
    .slice(-lines)
    .map((l) => (l.length > 300 ? `${l.slice(0, 300)}...` : l))
    .join('\n');
}

/** Makes a copied Go module tree writable (the module cache is read-only). */
function chmodTree(p) {
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return;
  fs.chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
  if (st.isDirectory()) for (const e of fs.readdirSync(p)) chmodTree(path.join(p, e));
}

function portOpen(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (v) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
  });
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- cache: Kafka jars (Maven Central)
function kafkaPom() {
  const dep = (g, a, v) =>
    `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by deploy/local/infra.js: the runtime classpath of a Kafka ${KAFKA_VERSION} broker + CLI tools -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.nrm-infra</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>${KAFKA_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
${dep('org.apache.kafka', `kafka_${SCALA_VERSION}`, KAFKA_VERSION)}
${dep('org.apache.kafka', 'kafka-tools', KAFKA_VERSION)}
${dep('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION)}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

function ensureKafkaJars() {
  const stamp = path.join(kafkaCache, '.complete');
  const mainJar = path.join(kafkaLibs, `kafka_${SCALA_VERSION}-${KAFKA_VERSION}.jar`);
  if (fs.existsSync(stamp) && fs.existsSync(mainJar)) {
    if (announceCache) {
      const jars = fs.readdirSync(kafkaLibs).filter((f) => f.endsWith('.jar'));
      say(`kafka ${KAFKA_VERSION}: jars cached (${jars.length} jars, ${mb(dirSize(kafkaLibs))}) in ${kafkaLibs}`);
    }
    return;
  }
  need('mvn', 'once, to fetch the Kafka jars from Maven Central');
  mkdirs(kafkaCache);
  const pom = path.join(kafkaCache, 'pom.xml');
  fs.writeFileSync(pom, kafkaPom());
  const tmp = path.join(kafkaCache, 'libs.tmp');
  fs.rmSync(tmp, { recursive: true, force: true });
  say(
    `kafka ${KAFKA_VERSION}: resolving org.apache.kafka:kafka_${SCALA_VERSION}:${KAFKA_VERSION} + kafka-tools ` +
      `+ runtime deps from Maven Central (mvn dependency:copy-dependencies, local repo ${path.join(CACHE, 'm2')})`,
  );
  run('mvn', [
    '-B',
    '-q',
    '-Dstyle.color=never',
    '-f',
    pom,
    `-Dmaven.repo.local=${path.join(CACHE, 'm2')}`,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${tmp}`,
  ]);
  fs.rmSync(kafkaLibs, { recursive: true, force: true });
  fs.renameSync(tmp, kafkaLibs);
  if (!fs.existsSync(mainJar)) throw new InfraError(`Maven finished but ${mainJar} is missing`);
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  const jars = fs.readdirSync(kafkaLibs).filter((f) => f.endsWith('.jar'));
  say(`kafka ${KAFKA_VERSION}: ${jars.length} jars (${mb(dirSize(kafkaLibs))}) in ${kafkaLibs}`);
}

/** Compiles KafkaReady.java once per source version into the cache. */
function ensureKafkaCheck() {
  const src = path.join(__dirname, 'KafkaReady.java');
  const hash = crypto.createHash('sha256').update(fs.readFileSync(src)).digest('hex').slice(0, 12);
  const out = path.join(kafkaCache, `readiness-${hash}`);
  if (fs.existsSync(path.join(out, 'KafkaReady.class'))) return out;
  need(javac, 'to compile the Kafka readiness check');
  say('kafka: compiling the readiness check (KafkaReady.java, Admin client)');
  const tmp = `${out}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  run(javac, ['-cp', path.join(kafkaLibs, '*'), '-d', tmp, src]);
  fs.renameSync(tmp, out);
  return out;
}

function checkJava() {
  const res = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (res.error) throw new InfraError(`'${java}' not found: Java 17+ is needed for Kafka ${KAFKA_VERSION}`);
  const m = /version "(\d+)/.exec(res.stderr || '');
  if (m && Number(m[1]) < 17) {
    throw new InfraError(`Kafka ${KAFKA_VERSION} needs Java 17+, found: ${res.stderr.split('\n')[0]}`);
  }
}

// ---------------------------------------------------------------- cache: FerretDB (Go module proxy)
function ensureFerretdb() {
  const stamp = path.join(ferretCache, '.complete');
  if (fs.existsSync(stamp) && fs.existsSync(ferretBin)) {
    if (announceCache) {
      say(`ferretdb ${FERRETDB_VERSION}: binary cached (${mb(fs.statSync(ferretBin).size)}) at ${ferretBin}`);
    }
    return;
  }
  need('go', 'once, to build FerretDB from the Go module proxy');
  const env = { ...process.env, ...goEnv, GOBIN: path.dirname(ferretBin) };
  mkdirs(ferretCache, goEnv.GOMODCACHE, goEnv.GOCACHE);
  // `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds, but the binary panics at start:
  // build/version/version.txt is generated by FerretDB's release tooling and is absent from the module zip
  // (FerretDB issue #2982). So: download the same module version, add version.txt, `go install` from it.
  say(`ferretdb ${FERRETDB_VERSION}: downloading module ${FERRETDB_MODULE}@${FERRETDB_VERSION} (Go module proxy)`);
  const info = JSON.parse(
    capture('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], { env, cwd: CACHE }),
  );
  if (!info.Dir) throw new InfraError(`go mod download gave no directory: ${JSON.stringify(info)}`);
  const src = path.join(ferretCache, 'src');
  fs.rmSync(src, { recursive: true, force: true });
  fs.cpSync(info.Dir, src, { recursive: true });
  chmodTree(src);
  fs.writeFileSync(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
  say(
    `ferretdb ${FERRETDB_VERSION}: compiling (go install ./cmd/ferretdb, GOBIN=${path.dirname(ferretBin)}; ` +
      'about 5 min on 2 cores the first time)',
  );
  run('go', ['install', './cmd/ferretdb'], { env, cwd: src });
  const version = capture(ferretBin, ['--version']);
  if (!version.includes(`version: ${FERRETDB_VERSION}`)) {
    throw new InfraError(`built ferretdb reports an unexpected version:\n${version}`);
  }
  // The binary is all we need; the module cache stays (offline rebuild), the build cache goes.
  fs.rmSync(src, { recursive: true, force: true });
  spawnSync('go', ['clean', '-cache'], { env, stdio: 'ignore' });
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
  say(`ferretdb ${FERRETDB_VERSION}: built ${ferretBin} (${mb(fs.statSync(ferretBin).size)})`);
}

// ---------------------------------------------------------------- services
const kafkaConf = path.join(dirs.conf, 'kafka-server.properties');
const kafkaData = path.join(dirs.data, 'kafka');
const ferretData = path.join(dirs.data, 'ferretdb');
const ferretState = path.join(dirs.data, 'ferretdb-state');

function kafkaProperties() {
  return `# generated by deploy/local/infra.js at every start; edit infra.js, not this file
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://${HOST}:${KAFKA_PORT},CONTROLLER://${HOST}:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${HOST}:${KAFKA_PORT}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${kafkaData}
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=${AUTO_CREATE_TOPICS}
delete.topic.enable=true
num.network.threads=2
num.io.threads=4
log.retention.hours=168
`;
}

const services = {
  kafka: {
    name: 'kafka',
    address: `${HOST}:${KAFKA_PORT}`,
    ports: [KAFKA_PORT, KAFKA_CONTROLLER_PORT],
    pidFile: path.join(dirs.run, 'kafka.pid'),
    logFile: path.join(dirs.log, 'kafka.log'),
    graceMs: 30000,
    ensure() {
      if (this.checkClasses) return;
      checkJava();
      ensureKafkaJars();
      this.checkClasses = ensureKafkaCheck();
    },
    /** Our broker: a JVM running kafka.Kafka with this checkout's config file. */
    matches(argv) {
      return argv.includes('kafka.Kafka') && argv.includes(kafkaConf);
    },
    prepare() {
      mkdirs(dirs.conf, kafkaData);
      fs.writeFileSync(kafkaConf, kafkaProperties());
      if (fs.existsSync(path.join(kafkaData, 'meta.properties'))) return;
      // A Kafka cluster id is a base64url UUID (22 chars); Kafka refuses ids that start with '-'.
      let clusterId;
      do clusterId = crypto.randomBytes(16).toString('base64url');
      while (clusterId.startsWith('-'));
      say(`kafka: formatting storage ${kafkaData} (kafka.tools.StorageTool format, cluster id ${clusterId})`);
      const out = capture(java, [
        `-Dlog4j2.configurationFile=${log4jConf}`,
        '-Dnrm.kafka.loglevel=WARN',
        '-cp',
        path.join(kafkaLibs, '*'),
        'kafka.tools.StorageTool',
        'format',
        '--cluster-id',
        clusterId,
        '--config',
        kafkaConf,
      ]);
      say(`kafka: ${out.trim().split('\n').pop()}`);
    },
    command() {
      return [
        java,
        [
          '-Xms256m',
          `-Xmx${KAFKA_HEAP}`,
          '-XX:+UseG1GC',
          '-XX:MaxGCPauseMillis=20',
          '-XX:InitiatingHeapOccupancyPercent=35',
          '-XX:+ExplicitGCInvokesConcurrent',
          '-XX:+ExitOnOutOfMemoryError',
          '-Djava.awt.headless=true',
          `-Dlog4j2.configurationFile=${log4jConf}`,
          '-Dnrm.kafka.loglevel=INFO',
          '-cp',
          path.join(kafkaLibs, '*'),
          'kafka.Kafka',
          kafkaConf,
        ],
      ];
    },
    /** Admin API check in a child JVM; resolves with its one-line answer. */
    readiness(remainingS) {
      const args = [
        `-Dlog4j2.configurationFile=${log4jConf}`,
        '-Dnrm.kafka.loglevel=OFF',
        '-Xmx128m',
        '-XX:TieredStopAtLevel=1',
        '-cp',
        `${path.join(kafkaLibs, '*')}${path.delimiter}${this.checkClasses}`,
        'KafkaReady',
        `${HOST}:${KAFKA_PORT}`,
        String(Math.max(1, Math.floor(remainingS))),
      ];
      return childOutput(java, args);
    },
    describe: 'Admin API: describeCluster + listTopics + createTopics(validateOnly)',
  },
  mongo: {
    name: 'mongo',
    address: `${HOST}:${MONGO_PORT}`,
    ports: [MONGO_PORT],
    pidFile: path.join(dirs.run, 'ferretdb.pid'),
    logFile: path.join(dirs.log, 'ferretdb.log'),
    graceMs: 10000,
    ensure() {
      if (this.ensured) return;
      ensureFerretdb();
      this.ensured = true;
    },
    matches(argv) {
      return path.basename(argv[0] || '') === 'ferretdb' && argv.includes(`--sqlite-url=file:${ferretData}/`);
    },
    prepare() {
      mkdirs(ferretData, ferretState);
    },
    command() {
      return [
        ferretBin,
        [
          '--handler=sqlite',
          `--sqlite-url=file:${ferretData}/`,
          `--listen-addr=${HOST}:${MONGO_PORT}`,
          `--state-dir=${ferretState}`,
          '--telemetry=disable',
          `--debug-addr=${process.env.NRM_FERRETDB_DEBUG_ADDR || '-'}`,
          '--log-level=INFO',
          '--log-format=text',
        ],
      ];
    },
    /** Raw OP_MSG ping + listDatabases + buildInfo, retried until the deadline. */
    async readiness(remainingS, isAlive) {
      const deadline = Date.now() + remainingS * 1000;
      let last = 'no attempt';
      while (Date.now() < deadline && isAlive()) {
        try {
          return await opmsg.check(HOST, MONGO_PORT, 3000);
        } catch (err) {
          last = err.message;
          await sleep(250);
        }
      }
      throw new InfraError(last);
    },
    describe: 'OP_MSG ping + listDatabases + buildInfo',
  },
};
const ALIASES = { kafka: 'kafka', mongo: 'mongo', mongodb: 'mongo', ferretdb: 'mongo', ferret: 'mongo' };

/** Runs a child, resolves with its stdout, rejects with stderr; .kill() on the returned promise stops it. */
function childOutput(cmd, args) {
  let child;
  const p = new Promise((resolve, reject) => {
    child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new InfraError(`${cmd}: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new InfraError(err.trim() || out.trim()))));
  });
  p.kill = () => child && child.kill('SIGKILL');
  return p;
}

/** The pid of this checkout's server, from the pid file or, if that is lost, from /proc. */
function findPid(svc) {
  try {
    const pid = Number(fs.readFileSync(svc.pidFile, 'utf8').trim());
    if (pid > 0 && alive(pid) && svc.matches(cmdline(pid) || [])) return pid;
  } catch {
    // no pid file
  }
  fs.rmSync(svc.pidFile, { force: true });
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const argv = cmdline(Number(e));
    if (argv && svc.matches(argv) && alive(Number(e))) {
      mkdirs(dirs.run);
      fs.writeFileSync(svc.pidFile, `${e}\n`);
      return Number(e);
    }
  }
  return null;
}

async function waitReady(svc, pid) {
  const started = Date.now();
  const deadline = started + READY_TIMEOUT_S * 1000;
  say(`${svc.name}: waiting until ${svc.address} answers (${svc.describe}), timeout ${READY_TIMEOUT_S}s`);
  const isAlive = () => alive(pid);
  // First the cheap part: the listener accepts TCP (no check JVM competing with a booting broker).
  while (!(await portOpen(svc.ports[0])) && isAlive() && Date.now() < deadline) await sleep(250);
  const failure = (why, last) =>
    new InfraError(
      `${svc.name}: ${why}${last ? ` (last check: ${last.split('\n').slice(-3).join(' | ')})` : ''}\n` +
        `---- last lines of ${svc.logFile} ----\n${tail(svc.logFile)}\n----`,
    );
  if (!isAlive()) throw failure(`the process (pid ${pid}) exited during startup`, '');
  if (Date.now() >= deadline) throw failure(`${svc.address} not accepting connections after ${READY_TIMEOUT_S}s`, '');
  const attempt = svc.readiness(Math.max(1, (deadline - Date.now()) / 1000), isAlive);
  let died = false;
  const watch = setInterval(() => {
    if (!isAlive()) {
      died = true;
      if (attempt.kill) attempt.kill();
    }
  }, 300);
  try {
    const line = await attempt;
    say(`${svc.name}: ready in ${((Date.now() - started) / 1000).toFixed(1)}s: ${line}`);
  } catch (err) {
    const why = died || !isAlive() ? `the process (pid ${pid}) exited` : `not ready after ${READY_TIMEOUT_S}s`;
    throw failure(why, err.message);
  } finally {
    clearInterval(watch);
  }
}

async function start(svc) {
  const running = findPid(svc);
  if (running) {
    say(`${svc.name}: already running (pid ${running}) on ${svc.address}`);
    svc.ensure();
    await waitReady(svc, running);
    return;
  }
  for (const port of svc.ports) {
    if (await portOpen(port)) {
      throw new InfraError(
        `${svc.name}: ${HOST}:${port} is already in use by a process that infra.js did not start ` +
          `(see: ss -ltnp 'sport = :${port}'); stop it first`,
      );
    }
  }
  svc.ensure();
  mkdirs(dirs.run, dirs.log);
  if (fs.existsSync(svc.logFile) && fs.statSync(svc.logFile).size > 20 * 1024 * 1024) {
    fs.renameSync(svc.logFile, `${svc.logFile}.1`); // keep one old log, at most ~40 MB per server
  }
  svc.prepare();
  const [cmd, args] = svc.command();
  fs.appendFileSync(svc.logFile, `\n==== infra.js: starting ${svc.name} at ${new Date().toISOString()}\n`);
  const fd = fs.openSync(svc.logFile, 'a');
  say(`${svc.name}: starting ${path.basename(cmd)} on ${svc.address} (log: ${svc.logFile})`);
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', fd, fd], cwd: HOME });
  fs.closeSync(fd);
  const spawnError = await new Promise((resolve) => {
    child.once('error', resolve);
    child.once('spawn', () => resolve(null));
  });
  if (spawnError) throw new InfraError(`${svc.name}: could not start ${cmd}: ${spawnError.message}`);
  child.unref();
  fs.writeFileSync(svc.pidFile, `${child.pid}\n`);
  say(`${svc.name}: pid ${child.pid}`);
  await waitReady(svc, child.pid);
}

async function stop(svc) {
  const pid = findPid(svc);
  if (!pid) {
    say(`${svc.name}: not running`);
    return;
  }
  const began = Date.now();
  say(`${svc.name}: stopping pid ${pid} (SIGTERM, SIGKILL after ${svc.graceMs / 1000}s)`);
  process.kill(pid, 'SIGTERM');
  while (alive(pid) && Date.now() - began < svc.graceMs) await sleep(200);
  if (alive(pid)) {
    say(`${svc.name}: still running after ${svc.graceMs / 1000}s, sending SIGKILL`);
    process.kill(pid, 'SIGKILL');
    const killAt = Date.now();
    while (alive(pid) && Date.now() - killAt < 5000) await sleep(100);
    if (alive(pid)) throw new InfraError(`${svc.name}: pid ${pid} survived SIGKILL`);
  }
  fs.rmSync(svc.pidFile, { force: true });
  say(`${svc.name}: stopped in ${((Date.now() - began) / 1000).toFixed(1)}s`);
}

async function status(svc) {
  const pid = findPid(svc);
  if (!pid) {
    say(`${svc.name}: not running`);
    return false;
  }
  try {
    svc.ensure();
    const line = await svc.readiness(10, () => alive(pid));
    say(`${svc.name}: running (pid ${pid}) on ${svc.address}, ready: ${line}`);
    return true;
  } catch (err) {
    say(`${svc.name}: running (pid ${pid}) but not ready: ${err.message}`);
    return false;
  }
}

// ---------------------------------------------------------------- kafka-cli
const KAFKA_TOOLS = {
  topics: 'org.apache.kafka.tools.TopicCommand',
  'console-producer': 'org.apache.kafka.tools.ConsoleProducer',
  'console-consumer': 'org.apache.kafka.tools.consumer.ConsoleConsumer',
  'consumer-groups': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  'get-offsets': 'org.apache.kafka.tools.GetOffsetShell',
  storage: 'kafka.tools.StorageTool',
};

function kafkaCli(args) {
  const [tool, ...rest] = args;
  if (!tool) {
    throw new InfraError(`usage: infra.js kafka-cli <${Object.keys(KAFKA_TOOLS).join('|')}|main.Class> [args]`);
  }
  ensureKafkaJars();
  const res = spawnSync(
    java,
    [
      `-Dlog4j2.configurationFile=${log4jConf}`,
      '-Dnrm.kafka.loglevel=WARN',
      '-Xmx256m',
      '-cp',
      path.join(kafkaLibs, '*'),
      KAFKA_TOOLS[tool] || tool,
      ...rest,
    ],
    { stdio: 'inherit' },
  );
  return res.status === null ? 1 : res.status;
}

// ---------------------------------------------------------------- main
function pickServices(names) {
  if (names.length === 0) return [services.kafka, services.mongo];
  return names.map((n) => {
    const key = ALIASES[n.toLowerCase()];
    if (!key) throw new InfraError(`unknown server '${n}' (use: kafka, mongo)`);
    return services[key];
  });
}

function usage() {
  return [
    'usage: node deploy/local/infra.js <command> [kafka|mongo ...] [options]',
    '  up [svc...]              fetch into the cache (first time), start, wait until ready',
    '  down [svc...] [--purge]  stop; --purge also deletes data, config and logs under the infra home',
    '  restart [svc...]         stop + start (data kept)',
    '  status [svc...]          running and ready? (exit 0 only if all are)',
    '  pause|resume [svc...]    freeze a server (SIGSTOP: connections stay open, nothing answers), then thaw it',
    '  install                  only fill the cache',
    '  kafka-cli <tool> [args]  run a Kafka CLI tool: ' + Object.keys(KAFKA_TOOLS).join(', '),
    `infra home (data, logs, pids): ${HOME}   cache: ${CACHE}`,
  ].join('\n');
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === 'kafka-cli') {
    sayTo = process.stderr; // keep the tool's stdout clean for pipes
    return kafkaCli(rest);
  }
  const purge = rest.includes('--purge');
  const names = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'up':
    case 'start': {
      announceCache = true;
      const list = pickServices(names);
      say(`infra home ${HOME}, cache ${CACHE}`);
      for (const svc of list) svc.ensure(); // every download first, then the starts
      for (const svc of list) await start(svc);
      say(
        `up: ${list.map((s) => `${s.name} ${s.address}`).join(', ')}  ` +
          '(KAFKA_BROKERS=127.0.0.1:9092 MONGO_URL=mongodb://127.0.0.1:27017/nrm)',
      );
      return 0;
    }
    case 'down':
    case 'stop': {
      const list = pickServices(names);
      for (const svc of [...list].reverse()) await stop(svc);
      if (purge) {
        if (names.length > 0) {
          const targets = list.map((s) => (s.name === 'kafka' ? [kafkaData, kafkaConf] : [ferretData, ferretState]));
          for (const t of targets.flat()) fs.rmSync(t, { recursive: true, force: true });
          say(`purged data of ${list.map((s) => s.name).join(', ')}`);
        } else {
          for (const d of Object.values(dirs)) fs.rmSync(d, { recursive: true, force: true });
          say(`purged ${Object.values(dirs).join(', ')} (cache ${CACHE} kept)`);
        }
      }
      return 0;
    }
    case 'restart': {
      const list = pickServices(names);
      for (const svc of list) {
        await stop(svc);
        await start(svc);
      }
      return 0;
    }
    case 'pause':
    case 'resume': {
      // For fault tests: a server that keeps its connections open and answers nothing (SIGSTOP), then
      // carries on where it was (SIGCONT).
      for (const svc of pickServices(names)) {
        const pid = findPid(svc);
        if (!pid) throw new InfraError(`${svc.name}: not running`);
        process.kill(pid, command === 'pause' ? 'SIGSTOP' : 'SIGCONT');
        say(`${svc.name}: ${command === 'pause' ? 'paused' : 'resumed'} (pid ${pid})`);
      }
      return 0;
    }
    case 'status': {
      let ok = true;
      for (const svc of pickServices(names)) ok = (await status(svc)) && ok;
      return ok ? 0 : 3;
    }
    case 'install': {
      announceCache = true;
      checkJava();
      ensureKafkaJars();
      ensureKafkaCheck();
      ensureFerretdb();
      say(`cache ${CACHE}: ${mb(dirSize(CACHE))}`);
      return 0;
    }
    default:
      process.stdout.write(`${usage()}\n`);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`[infra] ERROR: ${err instanceof InfraError ? err.message : err.stack}\n`);
    process.exitCode = 1;
  },
);
