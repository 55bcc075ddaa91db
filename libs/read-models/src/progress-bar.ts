export interface ProgressBarOptions {
  /** Characters between the brackets (default 30). */
  width?: number;
  /** What is counted (default 'events'). */
  unit?: string;
  /** Milliseconds clock, for the rate (default Date.now). */
  clock?: () => number;
}

/** `[#####.....] 52% 52000/100000 events 31000 ev/s` */
export function renderProgressBar(
  done: number,
  total: number,
  ratePerSecond: number,
  options: ProgressBarOptions = {},
): string {
  const width = options.width ?? 30;
  const unit = options.unit ?? 'events';
  const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.floor(fraction * width);
  const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
  const percent = Math.floor(fraction * 100);
  return `[${bar}] ${percent}% ${done}/${total} ${unit} ${Math.round(ratePerSecond)} ev/s`;
}

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/**
 * Redraws one line in a terminal; writes a line per 10 % step elsewhere (logs, CI),
 * so a long rebuild does not flood a log file.
 */
export class ProgressBar {
  private readonly clock: () => number;
  private readonly startedAt: number;
  private lastStep = -1;
  private last?: { done: number; total: number };

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressBarOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.startedAt = this.clock();
  }

  /** Usable as `onProgress` of rebuildProjections. */
  readonly update = (done: number, total: number): void => {
    this.last = { done, total };
    const line = this.render(done, total);
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}`);
      return;
    }
    const step = total > 0 ? Math.floor((Math.min(done, total) / total) * 10) : 10;
    if (step > this.lastStep) {
      this.lastStep = step;
      this.stream.write(`${line}\n`);
    }
  };

  /** Ends the bar's line (a terminal) or writes the last line if it was not written yet. */
  finish(): void {
    if (this.stream.isTTY) {
      this.stream.write('\n');
      return;
    }
    if (this.last && this.lastStep < 10)
      this.stream.write(`${this.render(this.last.done, this.last.total)}\n`);
    this.lastStep = 10;
  }

  private render(done: number, total: number): string {
    const seconds = (this.clock() - this.startedAt) / 1000;
    return renderProgressBar(done, total, seconds > 0 ? done / seconds : 0, this.options);
  }
}
