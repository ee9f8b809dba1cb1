import { build } from 'esbuild';
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Apps Script runs no ES modules and sees only top-level function declarations: bundle to an
// IIFE under one global and add a forwarding declaration for each export of main.ts.
const root = join(import.meta.dirname, '..');
const outDir = join(root, 'dist', 'apps-script');
const globalName = 'Rapport';
mkdirSync(outDir, { recursive: true });

const result = await build({
  entryPoints: [join(root, 'apps-script/src/main.ts')],
  bundle: true,
  format: 'iife',
  globalName,
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: true,
  metafile: true,
  write: false,
  legalComments: 'eof', // keeps the licence notices of bundled code (fmin's Nelder-Mead, @stdlib)
});

// An IIFE's metafile lists no exports; an unbundled ESM pass over main.ts names them.
const exportsPass = await build({
  entryPoints: [join(root, 'apps-script/src/main.ts')],
  bundle: false,
  format: 'esm',
  metafile: true,
  write: false,
});
const exportNames = Object.values(exportsPass.metafile.outputs)[0]!.exports.sort();
const forwarders = exportNames
  .map((name) => `function ${name}() { return ${globalName}.${name}.apply(this, arguments); }`)
  .join('\n');
const code = `${result.outputFiles[0]!.text}\n${forwarders}\n`;
// Written atomically: tests may be loading the previous bundle while this one is written.
const temp = join(outDir, `.Code.js.${process.pid}`);
writeFileSync(temp, code);
renameSync(temp, join(outDir, 'Code.js'));
copyFileSync(join(root, 'apps-script/appsscript.json'), join(outDir, 'appsscript.json'));
console.log(`dist/apps-script/Code.js: ${(code.length / 1024).toFixed(0)} KB, global functions: ${exportNames.join(', ')}`);
