import type { NodeConfig } from '@nrm/config/node-config';

/** Where a command writes: its result on `out`, progress and errors on `err`. */
export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WriteStream;
}

/** A parse that says the arguments are wrong (64), or that the user asked for the command's usage (0). */
export type ParseRefusal = { error: string } | { usage: true };

/**
 * One `npm run cli -- <words> ...` command. The runner does what every command needs in the same way
 * (cli.ts): arguments checked before anything is opened (64), the node's settings read, a data
 * directory without a node refused (66), and, for a command that writes what a running node writes,
 * the node's lock held (75 while a node runs).
 */
export interface CliCommand<Args = unknown> {
  /** The words that name it: `['audit', 'replay']`. */
  readonly words: readonly string[];
  /** Its lines in `help`, the first one starting with its words. */
  readonly help: string;
  /** Its own usage line(s), printed under an argument error. */
  readonly usage: string;
  /** The arguments after its words; without it, the command takes none. */
  parse?(args: string[]): Args | ParseRefusal;
  /** False for commands that create what they need (key rotation) or read no data (node identity). */
  readonly needsNode: boolean;
  /**
   * Refused while a node runs on the same data directory: the task as the refusal names it ("stop it
   * before <task>"). A function when it depends on the arguments.
   */
  readonly lockedFor?: string | ((args: Args) => string | undefined);
  run(config: NodeConfig, args: Args, io: CliIo): Promise<number>;
}

/** A command as the runner sees it: its arguments' type is its own business. */
export interface RunnableCommand {
  readonly words: readonly string[];
  readonly help: string;
  readonly usage: string;
  readonly needsNode: boolean;
  /** The command line after its words: refused, or ready to run. */
  prepare(rest: string[]): ParseRefusal | PreparedCommand;
}

export interface PreparedCommand {
  /** The task a running node's lock refuses, if any. */
  lockedFor?: string;
  run(config: NodeConfig, io: CliIo): Promise<number>;
}

export function isRefusal(parsed: unknown): parsed is ParseRefusal {
  return typeof parsed === 'object' && parsed !== null && ('error' in parsed || 'usage' in parsed);
}

/** Declares a command: its parse, lock and run checked against one argument type. */
export function command<Args>(definition: CliCommand<Args>): RunnableCommand {
  const { words, help, usage, needsNode } = definition;
  return {
    words,
    help,
    usage,
    needsNode,
    prepare(rest) {
      if (!definition.parse && rest.length > 0) return { error: `${words.join(' ')} takes no arguments` };
      const parsed = definition.parse ? definition.parse(rest) : undefined;
      if (isRefusal(parsed)) return parsed;
      const args = parsed as Args;
      const { lockedFor } = definition;
      return {
        lockedFor: typeof lockedFor === 'function' ? lockedFor(args) : lockedFor,
        run: (config, io) => definition.run(config, args, io),
      };
    },
  };
}
