import { newId } from '../../shared/ids';
import { addMember } from './members';
import { setUpScoring } from './scoring/recalculate';
import { readTabs } from './sheets/tabs';

export function addMenu() {
  SpreadsheetApp.getUi()
    .createMenu('Rapport')
    .addItem('Set up tabs', 'setUpTabs')
    .addItem('Add team member…', 'addTeamMember')
    .addSeparator()
    .addItem('Recalculate scores', 'recalculateScores')
    .addItem('Turn on nightly scoring', 'turnOnNightlyScoring')
    .addToUi();
}

/** Creates any missing record tab with its headers, and the scoring's Settings tab and nightly run. */
export function setUpTabs() {
  const { snapshots, sheets } = readTabs();
  const scoring = setUpScoring(sheets.contacts, snapshots.contacts.header);
  SpreadsheetApp.getActiveSpreadsheet().toast(`Rapport tabs are ready. ${scoring}`);
}

/** Asks for a member's email and shows the token to paste into their extension's options. */
export function addTeamMember() {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt('Add team member', 'Email address of the team member:', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const email = answer.getResponseText().trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    ui.alert('That does not look like an email address. Nothing was changed.');
    return;
  }
  const token = addMember(PropertiesService.getScriptProperties(), email, newId().replace(/-/g, '') + Utilities.getUuid().replace(/-/g, ''));
  ui.alert(`Sync token for ${email}`, `Paste this token into the Rapport extension's options, with this web app's URL:\n\n${token}`, ui.ButtonSet.OK);
}
