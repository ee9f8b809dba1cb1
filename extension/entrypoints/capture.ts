import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { microformatsGlobal, type MicroformatsParser } from '../capture/h-card';
import { readPage } from '../capture/index';

// Injected into the page only when the user opens the popup; its value goes back to the popup.
// The microformats parser is there only if microformats.js was injected before (see read-tab.ts).
export default defineUnlistedScript(() =>
  readPage(document, location.href, { microformats: (globalThis as Record<string, unknown>)[microformatsGlobal] as MicroformatsParser | undefined }));
