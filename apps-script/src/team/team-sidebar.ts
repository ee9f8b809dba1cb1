import { setupLink } from '../../../shared/setup-link';
import { membersSidebar, type MembersSidebarData } from '../sidebars/members-sidebar';
import { teamMembers } from '../sheets/members-store';
import { readSettingsTab } from '../sheets/settings-tab';
import { refreshDropdowns } from '../sheets/tab-decoration';
import { showSidebar } from '../sheets/ui';
import { webAppUrl } from '../sheets/web-app-url';
import { isEmailAddress, languages, type Language } from './member-directory';

/** The Team members sidebar and what its buttons do. Each action answers the sidebar's new data. */
export function openMembers(): void {
  showSidebar(membersSidebar(sidebarData()), 'Team members');
}

function sidebarData(): MembersSidebarData {
  const team = readSettingsTab().team;
  return { members: teamMembers().list(), webAppUrl: webAppUrl(team.webAppUrl), teamHour: team.reminderHour, now: new Date().toISOString() };
}

export function addMember(email: unknown) {
  const address = String(email ?? '').trim();
  if (!isEmailAddress(address)) throw new Error(`“${address}” does not look like an email address; nothing was changed.`);
  const { token } = teamMembers().add(address);
  refreshOwnerDropdowns();
  const sidebar = sidebarData();
  return { email: address.toLowerCase(), token, webAppUrl: sidebar.webAppUrl, setupLink: sidebar.webAppUrl ? setupLink(sidebar.webAppUrl, token) : null, sidebar };
}

export function revokeMember(email: unknown): MembersSidebarData {
  if (!teamMembers().revoke(String(email ?? ''))) throw new Error(`${String(email)} is not a member.`);
  refreshOwnerDropdowns();
  return sidebarData();
}

export function setMemberPreferences(email: unknown, language: unknown, hour: unknown): MembersSidebarData {
  const members = teamMembers();
  if (!members.has(String(email ?? ''))) throw new Error(`${String(email)} is not a member.`);
  if (!languages.includes(language as Language)) throw new Error('The language must be English (en) or German (de).');
  if (hour !== null && !(Number.isInteger(hour) && (hour as number) >= 0 && (hour as number) <= 23)) throw new Error('The hour must be a whole number from 0 to 23.');
  members.setPreferences(String(email), { language: language as Language, reminderHour: hour as number | null });
  return sidebarData();
}

/** The owner dropdowns follow the team: every owner column lists the members. */
const refreshOwnerDropdowns = () => refreshDropdowns({ currency: readSettingsTab().team.currency, members: teamMembers().list().map((m) => m.email) });
