/** Gzip sizes (bytes) of a console build: its first load, and every later chunk by name. */
export function consoleBudget(dir: string): {
  initial: { js: number; css: number; files: string[] };
  chunks: { name: string; js: number }[];
};
