// Apps Script sees only top-level functions: this file only exposes them. The build adds a
// function declaration for every export here that forwards to the bundle.
import { addMenu, addTeamMember as addTeamMemberMenu, setUpTabs as setUpTabsMenu } from './menu';
import { recalculateScores as recalculate, turnOnNightlyScoring as turnOnNightly } from './scoring/recalculate';
import { logEdit } from './sheets/edit-log';
import { archiveOldHistory as archiveHistory } from './archive/archive-history';
import { get, post } from './web-app';

export function onOpen() {
  addMenu();
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

export function setUpTabs() {
  setUpTabsMenu();
}

export function addTeamMember() {
  addTeamMemberMenu();
}

export function recalculateScores() {
  recalculate();
}

/** The handler of the nightly time-driven trigger (see sheets/triggers.ts): old history to the archives, then the scores. */
export function nightlyRun() {
  archiveHistory();
  recalculate();
}

/** Menu: moves history older than the Settings tab's archive.afterMonths into the yearly archives. */
export function archiveOldHistory() {
  archiveHistory();
}

export function turnOnNightlyScoring() {
  turnOnNightly();
}
