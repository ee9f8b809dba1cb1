import type { TeamMember } from '../team/member-directory';
import { sidebarPage } from './sidebar-page';

/**
 * Rapport → Team members…: add a member by email (their token is shown once, with the web app's
 * URL and the one-line set-up link the extension takes), see when each member last synced,
 * choose their digest's language and hour, revoke a member. The page calls the global functions
 * addTeamMember, revokeTeamMember and setMemberPreferences.
 */
export interface MembersSidebarData {
  members: TeamMember[];
  /** the web app's /exec URL, or null when it is not deployed */
  webAppUrl: string | null;
  /** the team's digest hour (Settings) */
  teamHour: number;
  /** now, for "5 minutes ago" */
  now: string;
}

const BODY = `
<h2>Add a member</h2>
<form id="add">
  <label for="email">Their email address</label>
  <div class="row"><input id="email" type="email" required placeholder="name@company.com" autocomplete="off"><button class="action narrow" type="submit">Add</button></div>
</form>
<div id="added"></div>
<div id="add-status" class="status"></div>
<h2>Members</h2>
<div id="list"></div>
<p class="muted">A member’s extension syncs with the sheet using their token. Revoking it stops their syncs at once; what they entered stays in the sheet.</p>
`;

const SCRIPT = `
let state = data;
function ago(iso) {
  if (!iso) return 'never synced';
  const minutes = Math.round((Date.parse(state.now) - Date.parse(iso)) / 60000);
  if (minutes < 15) return 'synced in the last 15 minutes';
  if (minutes < 90) return 'last sync ' + minutes + ' minutes ago';
  if (minutes < 36 * 60) return 'last sync ' + Math.round(minutes / 60) + ' hours ago';
  return 'last sync ' + iso.slice(0, 10);
}
function hourOptions(selected) {
  let html = '<option value=""' + (selected === null ? ' selected' : '') + '>team (' + state.teamHour + ':00)</option>';
  for (let h = 0; h < 24; h++) html += '<option value="' + h + '"' + (selected === h ? ' selected' : '') + '>' + h + ':00</option>';
  return html;
}
function render() {
  const list = document.getElementById('list');
  if (state.members.length === 0) { list.innerHTML = '<p class="muted">No members yet.</p>'; return; }
  list.innerHTML = state.members.map((m, i) =>
    '<div class="card" data-member="' + esc(m.email) + '">' +
    '<div class="who">' + esc(m.email) + '</div>' +
    '<div class="muted">' + esc(ago(m.lastSync)) + '</div>' +
    '<div class="row"><div><label for="lang' + i + '">Digest language</label><select id="lang' + i + '" data-field="language">' +
    '<option value="en"' + (m.language === 'en' ? ' selected' : '') + '>English</option><option value="de"' + (m.language === 'de' ? ' selected' : '') + '>Deutsch</option></select></div>' +
    '<div><label for="hour' + i + '">Digest hour</label><select id="hour' + i + '" data-field="hour">' + hourOptions(m.reminderHour) + '</select></div></div>' +
    '<div class="row" style="margin-top:6px"><span class="status muted" id="s' + i + '"></span><button class="danger narrow" data-revoke="' + esc(m.email) + '">Revoke</button></div>' +
    '</div>').join('');
}
render();
document.getElementById('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = document.getElementById('email').value.trim();
  show('add-status', 'Adding…');
  try {
    const result = await call('addTeamMember', email);
    state = result.sidebar;
    render();
    document.getElementById('email').value = '';
    document.getElementById('added').innerHTML =
      '<div class="secret"><strong>Token for ' + esc(result.email) + '</strong> — shown only now:' +
      '<code id="token">' + esc(result.token) + '</code>' +
      (result.setupLink
        ? 'Set-up line for the Rapport extension (paste it into its options, in the URL field):<code id="setup-link">' + esc(result.setupLink) + '</code>Web app URL:<code>' + esc(result.webAppUrl) + '</code>'
        : '<span class="error">The web app is not deployed yet (Deploy → New deployment → Web app); its URL goes with the token.</span>') +
      '<span class="muted">Send it to them privately. If it is lost, add them again: the old token stops working.</span></div>';
    show('add-status', '');
  } catch (error) {
    show('add-status', error.message || String(error), 'error');
  }
});
document.getElementById('list').addEventListener('change', async (event) => {
  const card = event.target.closest('[data-member]');
  if (!card) return;
  const status = card.querySelector('.status');
  const language = card.querySelector('[data-field=language]').value;
  const hourText = card.querySelector('[data-field=hour]').value;
  status.textContent = 'Saving…';
  try {
    state = await call('setMemberPreferences', card.dataset.member, language, hourText === '' ? null : Number(hourText));
    status.textContent = 'Saved';
  } catch (error) {
    status.textContent = error.message || String(error);
  }
});
document.getElementById('list').addEventListener('click', async (event) => {
  const email = event.target.dataset && event.target.dataset.revoke;
  if (!email) return;
  if (!confirm('Revoke ' + email + '? Their extension stops syncing with this sheet.')) return;
  try {
    state = await call('revokeTeamMember', email);
    render();
    document.getElementById('added').innerHTML = '';
    show('add-status', email + ' was revoked.', 'ok');
  } catch (error) {
    show('add-status', error.message || String(error), 'error');
  }
});
`;

export const membersSidebar = (data: MembersSidebarData) => sidebarPage('Team members', BODY, data, SCRIPT);
