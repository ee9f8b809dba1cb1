import { escapeHtml } from '../../../shared/html';
import { sidebarPage } from './sidebar-page';

/**
 * Rapport → Settings…: the team's settings in a form — reminders (hour and time zone, with
 * whether they run and how the last run went), currency, keep-in-touch cadences, the lead score's
 * weights, the value scoring's horizon and discount rate, the data-protection review, and the
 * stages that move by themselves. They are kept in the Settings tab, where they can also be typed;
 * saving calls the global function saveSettings and shows what the tab says is wrong.
 */
export interface SettingsForm {
  reminderHour: number;
  reminderTimeZone: string;
  currency: string;
  keepInTouchDays: number;
  /** "vip = 30" per line */
  tagCadences: string;
  retentionMonths: number;
  automaticStages: boolean;
  loyalAfterPurchases: number;
  webAppUrl: string;
  leadRecency: number;
  leadEngagement: number;
  leadProfile: number;
  leadStage: number;
  leadDeal: number;
  horizonMonths: number;
  /** per cent */
  discountRatePercent: number;
}

export interface SettingsSidebarData {
  form: SettingsForm;
  spreadsheetTimeZone: string;
  reminders: { on: boolean; lastRun: string | null; failure: string | null };
  /** problems by form field */
  problems: Partial<Record<keyof SettingsForm, string>>;
}

const ZONES = ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'Etc/UTC'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK', 'JPY', 'INR', 'AUD', 'CAD'];

const field = (id: keyof SettingsForm, label: string, input: string) => `<div><label for="${id}">${escapeHtml(label)}</label>${input}<div class="status error" data-problem="${id}"></div></div>`;
const number = (id: keyof SettingsForm, label: string, attributes = '') => field(id, label, `<input id="${id}" type="number" ${attributes}>`);

const BODY = `
<form id="settings">
<h2>Reminders</h2>
<p id="reminder-status" class="muted"></p>
<div class="grid2">
${field('reminderHour', 'Daily digest at', `<select id="reminderHour">${Array.from({ length: 24 }, (_, h) => `<option value="${h}">${h}:00</option>`).join('')}</select>`)}
${field('reminderTimeZone', 'Time zone', `<input id="reminderTimeZone" type="text" list="zones" placeholder="the sheet’s"><datalist id="zones">${ZONES.map((z) => `<option value="${z}">`).join('')}</datalist>`)}
</div>
<p class="muted">Members can choose their own hour and language in Team members.</p>
<h2>Keep in touch</h2>
${number('keepInTouchDays', 'Customers without a cadence: every … days (0: off)', 'min="0" max="3650" step="1"')}
${field('tagCadences', 'By tag (one per line: tag = days)', '<textarea id="tagCadences" placeholder="vip = 30"></textarea>')}
<p class="muted">A contact’s own “Keep in touch (days)” comes first. Any interaction resets the clock.</p>
<h2>Money and value</h2>
<div class="grid2">
${field('currency', 'Currency', `<input id="currency" type="text" list="currencies" maxlength="3"><datalist id="currencies">${CURRENCIES.map((c) => `<option value="${c}">`).join('')}</datalist>`)}
${number('horizonMonths', 'CLV horizon (months)', 'min="1" max="600" step="1"')}
${number('discountRatePercent', 'Discount rate (% a year)', 'min="0" max="100" step="0.5"')}
</div>
<details><summary>Lead score weights</summary>
<div class="grid2">
${number('leadRecency', 'Recency', 'min="0" step="any"')}
${number('leadEngagement', 'Engagement', 'min="0" step="any"')}
${number('leadProfile', 'Profile', 'min="0" step="any"')}
${number('leadStage', 'Stage', 'min="0" step="any"')}
${number('leadDeal', 'Open deals', 'min="0" step="any"')}
</div>
<p class="muted">Relative weights; more in the Settings tab (lead.*).</p>
</details>
<h2>Stages</h2>
<label><input id="automaticStages" type="checkbox"> Move stages by themselves</label>
<p class="muted">Lead → customer on a first purchase or won deal, loyal after the purchases below, at risk when they slip away and back when they buy again. A stage set by a person is never moved backwards.</p>
${number('loyalAfterPurchases', 'Loyal after … purchases', 'min="2" max="1000" step="1"')}
<h2>Data protection</h2>
${number('retentionMonths', 'Review contacts without contact for … months', 'min="1" max="600" step="1"')}
<h2>Web app</h2>
${field('webAppUrl', 'URL for links in emails (empty: the deployment’s)', '<input id="webAppUrl" type="text" placeholder="https://script.google.com/macros/s/…/exec">')}
<div class="row" style="margin-top:14px"><span id="save-status" class="status"></span><button class="action narrow" type="submit">Save</button></div>
</form>
`;

const SCRIPT = `
const form = document.getElementById('settings');
const ids = Object.keys(data.form);
function fill(state) {
  for (const id of ids) {
    const input = document.getElementById(id);
    if (input.type === 'checkbox') input.checked = Boolean(state.form[id]);
    else input.value = String(state.form[id]);
  }
  document.getElementById('reminderTimeZone').placeholder = 'the sheet’s: ' + state.spreadsheetTimeZone;
  const r = state.reminders;
  const status = document.getElementById('reminder-status');
  status.textContent = r.failure ? 'Reminders are failing: ' + r.failure : r.on ? 'On: checked every hour' + (r.lastRun ? '; last digest sent ' + r.lastRun : '') + '.' : 'Off: run Rapport → Set up or repair to turn them on.';
  status.className = r.failure ? 'error' : 'muted';
  for (const el of document.querySelectorAll('[data-problem]')) el.textContent = state.problems[el.dataset.problem] || '';
}
fill(data);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const values = {};
  for (const id of ids) {
    const input = document.getElementById(id);
    values[id] = input.type === 'checkbox' ? input.checked : input.type === 'number' || input.tagName === 'SELECT' ? Number(input.value) : input.value;
  }
  show('save-status', 'Saving…');
  try {
    const state = await call('saveSettings', values);
    fill(state);
    const problems = Object.values(state.problems).filter(Boolean).length;
    show('save-status', problems ? 'Saved; ' + problems + ' value(s) could not be used (see below)' : 'Saved', problems ? 'error' : 'ok');
  } catch (error) {
    show('save-status', error.message || String(error), 'error');
  }
});
`;

export const settingsSidebar = (data: SettingsSidebarData) => sidebarPage('Rapport settings', BODY, data, SCRIPT);
