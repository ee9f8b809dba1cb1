import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { readPage } from '../capture/index';

// Injected into the page only when the user opens the popup; its value goes back to the popup.
export default defineUnlistedScript(() => readPage(document, location.href));
