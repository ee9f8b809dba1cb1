import { defineConfig } from 'wxt';

// The e2e build gets host access to the localhost fixtures, because activeTab is only granted
// by a real toolbar click, which automation cannot make. Release builds read a page only on
// the user's click (activeTab + scripting).
const fixtureHosts = ['http://localhost/*', 'http://127.0.0.1/*'];
// e2e tests serve fixtures under the real webmail URLs (intercepted by the test browser).
const webmailHosts = ['https://mail.google.com/*', 'https://outlook.office.com/*', 'https://outlook.live.com/*'];

export default defineConfig({
  srcDir: 'extension',
  imports: false,
  outDir: '.output',
  manifest: ({ mode, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'contextMenus'],
    commands: {
      // MV2 (Firefox) names the toolbar button's command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+R' }, description: 'Open Rapport for this page' },
    },
    default_locale: 'en',
    host_permissions: [
      // the Apps Script web app answers /exec with a redirect to googleusercontent.com
      'https://script.google.com/*',
      'https://script.googleusercontent.com/*',
      ...(mode === 'e2e' ? [...fixtureHosts, ...webmailHosts] : []),
    ],
    optional_host_permissions: fixtureHosts,
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
