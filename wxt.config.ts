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
  manifest: ({ mode }) => ({
    name: 'Rapport CRM',
    description: 'Save contacts, log emails and set follow-ups from Gmail, Outlook or any page into your team’s Google Sheet.',
    permissions: ['activeTab', 'scripting', 'storage', 'alarms'],
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
