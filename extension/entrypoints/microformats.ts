import { mf2 } from 'microformats-parser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { microformatsGlobal } from '../capture/h-card';

// Injected only into pages with h-card markup, before capture.js reads the page again.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[microformatsGlobal] = mf2;
});
