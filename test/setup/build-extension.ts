import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import buildAppsScript from './build-apps-script';

// The e2e tests load the built extension (with host access to the fixtures) and the built bundle.
export default function buildForEndToEnd() {
  buildAppsScript();
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
}
