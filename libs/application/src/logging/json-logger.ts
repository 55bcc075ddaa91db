import { LoggerService } from '@nestjs/common';

const LEVELS = { debug: 10, verbose: 10, log: 20, info: 20, warn: 30, error: 40, fatal: 50 } as const;
type Level = keyof typeof LEVELS;

/** Structured logs: one JSON object per line on stdout, so that log shippers need no parsing rules. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minLevel: 'debug' | 'info' | 'warn' | 'error' = 'info',
    private readonly out: NodeJS.WritableStream = process.stdout,
    private readonly base: Record<string, unknown> = {},
  ) {}

  child(fields: Record<string, unknown>): JsonLogger {
    return new JsonLogger(this.minLevel, this.out, { ...this.base, ...fields });
  }

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]) {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    // Nest passes the context name as the last string argument.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, ...this.base };
    if (context) entry.context = context;
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.err = { name: message.name, stack: message.stack };
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    const stack = rest.find((r) => typeof r === 'string');
    if (level === 'error' && stack) entry.stack = stack;
    this.out.write(JSON.stringify(entry) + '\n');
  }
}
