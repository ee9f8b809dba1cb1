/**
 * A contact's moves between lifecycle stages, as notes in their history. Two kinds, told apart on
 * purpose: the sheet's own (nightly, on the "Rapport" channel) and a member's (the stage channel).
 * The sheet counts only its own when it decides whether a stage was set by a person.
 */

/** The channel of the sheet's notes about a stage change it made. */
export const STAGE_NOTE_CHANNEL = 'Rapport';
export const stageNoteSubject = (from: string, to: string) => `Stage: ${from} → ${to}`;
export const isStageNote = (channel: unknown, subject: unknown) => channel === STAGE_NOTE_CHANNEL && String(subject ?? '').startsWith('Stage: ');

/** The channel of a note recording a member's stage change; its outcome is the new stage. */
export const STAGE_CHANGE_CHANNEL = 'stage';

/** The stage a history entry moved its contact to, or null when it records no stage change. */
export function stageChangeOf(entry: { channel: string; subject: string; outcome: string }): string | null {
  if (entry.channel === STAGE_CHANGE_CHANNEL) return entry.outcome || null;
  if (!isStageNote(entry.channel, entry.subject)) return null;
  return entry.subject.split('→').pop()!.trim() || null;
}
