import { dayOf } from '../../../shared/calendar';
import { newId } from '../../../shared/ids';
import type { Deal, Interaction } from '../../../shared/records';
import { planLinkedNames } from '../model/linked-names';
import { EVERY_ROW, TabModel } from '../model/tab-model';
import { purchasesOf } from '../scoring/purchases';
import { recordsOfTab } from '../scoring/sheet-records';
import { underScriptLock } from '../sheets/script-state';
import { readSettingsTab } from '../sheets/settings-tab';
import { openRecordWorkbook } from '../sheets/workbook';
import { planSync } from '../sync/plan-sync';
import { isStageNote, stageNoteSubject, STAGE_NOTE_CHANNEL } from '../../../shared/stage-notes';
import { planStageChanges, STAGE_NOTE_CHANGE_EDITOR, type StageChange } from './plan-stage-changes';

/**
 * Moves the stages that move by themselves (when the Settings say so), under the script lock the
 * sync takes: each change is written as Rapport's edit of the contact's stage, with a note in
 * their timeline, so every member receives both at their next sync.
 */
export function advanceStages(): StageChange[] | 'busy' | 'off' {
  const settings = readSettingsTab();
  if (!settings.team.automaticStages) return 'off';
  return underScriptLock(() => {
    const workbook = openRecordWorkbook();
    const reads = workbook.read(EVERY_ROW);
    const now = new Date();
    const today = dayOf(now, workbook.clock)!;
    const contacts = new TabModel('contacts', reads.contacts, workbook.clock);
    const interactions = recordsOfTab('interactions', new TabModel('interactions', reads.interactions, workbook.clock)).records;
    const deals = recordsOfTab('deals', new TabModel('deals', reads.deals, workbook.clock)).records;
    const live = contacts.rows.filter((row) => row.id !== '' && row.values.deleted !== true && row.unreadable.size === 0);
    const lastNote = new Map<string, number>();
    for (const i of interactions) {
      if (i.deleted || !isStageNote(i.channel, i.subject)) continue;
      const at = Date.parse(i.occurredAt || i.createdAt);
      if (at > (lastNote.get(i.contactId) ?? -Infinity)) lastNote.set(i.contactId, at);
    }
    const purchases = purchasesOf(interactions as Interaction[], deals as Deal[], new Set(live.map((row) => row.id)), workbook.clock).transactions;
    const changes = planStageChanges(
      live.map((row) => ({
        id: row.id,
        stage: String(row.values.stage ?? ''),
        pAlive: typeof row.values.pAlive === 'number' ? row.values.pAlive : null,
        stageChangedAt: row.times.get('stage') ?? null,
        lastStageNoteAt: lastNote.get(row.id) ?? null,
      })),
      purchases,
      { loyalAfterPurchases: settings.team.loyalAfterPurchases, pAliveThreshold: settings.values.pAliveThreshold ?? 0.5, overdueFactor: settings.values.overdueFactor ?? 2 },
      today,
    );
    if (changes.length === 0) return changes;
    const nowIso = now.toISOString();
    const byId = new Map(live.map((row) => [row.id, row]));
    const plan = planSync(
      {
        since: workbook.rev,
        changes: {
          contacts: changes.map((change) => ({ ...contacts.recordOf(byId.get(change.contactId)!).record, stage: change.to, updatedAt: nowIso, fieldTimes: { stage: nowIso } })),
          interactions: changes.map((change) => ({
            id: newId(), createdAt: nowIso, updatedAt: nowIso, updatedBy: STAGE_NOTE_CHANGE_EDITOR, contactId: change.contactId, type: 'note', direction: 'internal',
            channel: STAGE_NOTE_CHANNEL, occurredAt: nowIso, subject: stageNoteSubject(change.from, change.to), summary: change.why,
          })),
          companies: [], deals: [], followUps: [],
        },
      },
      reads,
      { member: STAGE_NOTE_CHANGE_EDITOR, now, newId, rev: workbook.rev, clock: workbook.clock, ids: workbook.ids },
    );
    planLinkedNames(reads, plan.tabs, workbook.clock);
    workbook.commit({ tabs: plan.tabs, rev: plan.rev, index: plan.index, problems: plan.response.sheetProblems, erased: plan.erased });
    return changes;
  });
}
