/**
 * Progress on stderr for runs long enough to wonder about: nothing for the first two seconds,
 * then a line every two seconds, and the time and peak memory at the end.
 */
export class Progress {
  private readonly started: number;
  private lastShown = 0;
  private shown = false;

  constructor(
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  get seconds(): number {
    return (this.now() - this.started) / 1000;
  }

  update(text: () => string): void {
    const now = this.now();
    if (now - this.started < 2000 || now - this.lastShown < 2000) return;
    this.lastShown = now;
    this.shown = true;
    this.write(text());
  }

  /** The closing line, if any progress was shown. */
  done(): void {
    if (this.shown) this.write(`done in ${this.seconds.toFixed(1)} s, peak memory ${peakMemoryMB()} MB`);
  }
}

/** The most memory the process has held so far (resident set, as the OS counts it). */
export const peakMemoryMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
