import type { Deal } from '../../shared/records';
import type { RapportDatabase } from './database';
import { writeUndoable } from './undo';

export type DealStage = Deal['stage'];

/** A deal's chance of closing by stage, until someone says otherwise. */
const stageProbability: Record<DealStage, number> = { prospecting: 10, qualification: 20, proposal: 50, negotiation: 75, won: 100, lost: 0 };
const isClosed = (stage: DealStage) => stage === 'won' || stage === 'lost';

export interface NewDeal {
  contactId: string;
  companyId: string;
  name: string;
  amount: number | null;
  currency: string;
  stage: DealStage;
  expectedClose: string;
}

export function openDeal(db: RapportDatabase, input: NewDeal, today: string, author: string) {
  return writeUndoable(db, 'deals', { ...input, probability: stageProbability[input.stage], closedAt: isClosed(input.stage) ? today : '', owner: author }, author);
}

/** Moves a deal to a stage; a won or lost deal is closed today, a reopened one is open again. */
export async function moveDeal(db: RapportDatabase, input: { dealId: string; stage: DealStage }, today: string, author: string) {
  const deal = await db.deals.get(input.dealId);
  if (!deal || deal.deleted) return null;
  return writeUndoable(db, 'deals', { id: deal.id, stage: input.stage, probability: stageProbability[input.stage], closedAt: isClosed(input.stage) ? deal.closedAt || today : '' }, author);
}
