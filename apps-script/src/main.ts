// Apps Script sees only top-level functions: this file only exposes them. The build adds a
// function declaration for every export here that forwards to the bundle. Menu items, triggers
// and the sidebars' google.script.run calls name these functions.
import { rebuildDashboard as rebuild } from './dashboard/rebuild-dashboard';
import { addMenu } from './menu';
import { nightly } from './nightly';
import { sendReminders as send } from './reminders/send-reminders';
import { recalculateScores as recalculate, turnOnNightlyScoring as turnOnNightly } from './scoring/recalculate';
import { archiveOldHistory as archiveHistory } from './archive/archive-history';
import { logEdit } from './sheets/edit-log';
import { openSettings as showSettings, saveSettings as save } from './settings/settings-sidebar-actions';
import { setUp as setUpOrRepair } from './setup/set-up';
import { addMember, openMembers as showMembers, revokeMember, setMemberPreferences as setPreferences } from './team/team-sidebar';
import { get, post } from './web-app';

export function onOpen(e?: { authMode?: unknown }) {
  addMenu(e);
}

/** An add-on installed from the Marketplace: its menu at once, without reopening the file. */
export function onInstall(e?: { authMode?: unknown }) {
  addMenu(e);
}

/** The simple trigger Google runs for every edit a person makes: notes which rows the next sync must read. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit) {
  logEdit(e);
}

export function doPost(e: GoogleAppsScript.Events.DoPost) {
  return post(e);
}

export function doGet(e: GoogleAppsScript.Events.DoGet) {
  return get(e);
}

/** Rapport → Set up or repair. */
export function setUp() {
  setUpOrRepair();
}

/** The name set-up had before; kept for old menus and bookmarks. */
export function setUpTabs() {
  setUpOrRepair();
}

/** Rapport → Team members… */
export function openMembers() {
  showMembers();
}

/** Rapport → Settings… */
export function openSettings() {
  showSettings();
}

/** Rapport → Recalculate scores. */
export function recalculateScores() {
  recalculate();
}

/** Rapport → Send reminders now, and the hourly trigger (which passes its event). */
export function sendReminders(e?: unknown) {
  send(e);
}

/** Rapport → Rebuild dashboard. */
export function rebuildDashboard() {
  rebuild();
}

/** The handler of the nightly time-driven trigger (see sheets/triggers.ts). */
export function nightlyRun() {
  nightly();
}

/** Menu: moves history older than the Settings tab's archive.afterMonths into the yearly archives. */
export function archiveOldHistory() {
  archiveHistory();
}

export function turnOnNightlyScoring() {
  turnOnNightly();
}

// ——— called by the sidebars (google.script.run) ———

/** Team members: adds a member; without an email (the old menu item) opens the sidebar. */
export function addTeamMember(email?: string) {
  if (email === undefined) return showMembers();
  return addMember(email);
}

export function revokeTeamMember(email: string) {
  return revokeMember(email);
}

export function setMemberPreferences(email: string, language: string, hour: number | null) {
  return setPreferences(email, language, hour);
}

export function saveSettings(values: Record<string, unknown>) {
  return save(values);
}
