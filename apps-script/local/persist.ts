import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let writes = 0;

/** Writes `text` to `file` atomically: a temp file in the same folder, then a rename over it. */
export function writeFileAtomically(file: string, text: string): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `.${basename(file)}.${process.pid}.${++writes}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}
