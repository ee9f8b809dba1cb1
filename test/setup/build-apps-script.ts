import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

// Tests run the built Apps Script bundle, never the sources: build it from the current sources first.
export default function buildAppsScript() {
  execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../../scripts/build-apps-script.ts')], { stdio: 'inherit' });
}
