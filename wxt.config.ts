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
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Notifications are asked for only when the member turns them on in the options (optional);
    // the e2e build has them granted, as automation cannot answer the browser's prompt.
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'contextMenus', ...(mode === 'e2e' ? ['notifications'] : [])],
    optional_permissions: mode === 'e2e' ? [] : ['notifications'],
    commands: {
      // MV2 (Firefox) names the toolbar button's command differently.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_openCommand__' },
    },
    default_locale: 'en',
    host_permissions: [
      // the Apps Script web app answers /exec with a redirect to googleusercontent.com
      'https://script.google.com/*',
      'https://script.googleusercontent.com/*',
      ...(mode === 'e2e' ? [...fixtureHosts, ...webmailHosts] : []),
    ],
    optional_host_permissions: fixtureHosts,
    ...(browser === 'firefox' ? {
      browser_specific_settings: {
        gecko: {
          id: 'rapport@rapport-crm.org',
          strict_min_version: '140.0',
          // Nothing leaves the browser but to the team's own sheet.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    } : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
