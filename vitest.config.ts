import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const jsx = { jsx: 'automatic', jsxImportSource: 'preact' } as const;

export default defineConfig({
  test: {
    projects: [
      {
        esbuild: jsx,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/apps-script/**/*.test.ts', 'test/scripts/**/*.test.ts'],
          globalSetup: ['test/setup/build-apps-script.ts'],
        },
      },
      {
        plugins: [WxtVitest()],
        esbuild: jsx,
        test: {
          name: 'extension',
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto'],
          include: ['test/extension/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/build-extension.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
