import { newId } from '../../shared/ids';
import { addMember } from './members';
import { setUpScoring } from './scoring/recalculate';
import { membersTeam } from './sheets/members-store';
import { notify } from './sheets/notify';
import { repairRecordTabs } from './sheets/setup';
import { askForText, addRapportMenu, tell } from './sheets/ui';

export function addMenu() {
  addRapportMenu([
    ['Set up tabs', 'setUpTabs'],
    ['Add team member…', 'addTeamMember'],
    null,
    ['Recalculate scores', 'recalculateScores'],
    ['Turn on nightly scoring', 'turnOnNightlyScoring'],
    ['Archive old history', 'archiveOldHistory'],
  ]);
}

/** Creates or repairs the record tabs, and the scoring's Settings tab and nightly run. */
export function setUpTabs() {
  const { contactsHeader, notes } = repairRecordTabs();
  const scoring = setUpScoring(contactsHeader);
  notify(['Rapport tabs are ready.', ...notes, scoring].join(' '));
}

/** Asks for a member's email and shows the token to paste into their extension's options. */
export function addTeamMember() {
  const answer = askForText('Add team member', 'Email address of the team member:');
  if (answer === null) return;
  const email = answer.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    tell('That does not look like an email address. Nothing was changed.');
    return;
  }
  const token = newId().replace(/-/g, '') + Utilities.getUuid().replace(/-/g, '');
  addMember(membersTeam(), email, token, new Date());
  tell(`Paste this token into the Rapport extension's options, with this web app's URL:\n\n${token}`, `Sync token for ${email}`);
}
