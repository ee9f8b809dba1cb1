import type { Deal, Interaction } from '../../../shared/records';
import type { Transaction } from '../../../shared/scoring';
import { dayOf, type WallClock } from '../../../shared/calendar';

/**
 * What the customers bought, as dated amounts per contact: every interaction of type `purchase`
 * (its amount on the day it occurred, in the spreadsheet's time zone) and every won deal (its amount
 * on the day it closed, or its expected close when no close date was entered).
 */
export interface Purchases {
  transactions: Transaction[];
  /** purchases that could not be used, each kind with how many and why */
  skipped: { count: number; reason: string }[];
}

export function purchasesOf(
  interactions: readonly Interaction[],
  deals: readonly Deal[],
  /** ids of the contacts being scored (not deleted): purchases of anyone else are left out */
  contactIds: ReadonlySet<string>,
  /** the spreadsheet's clock: a purchase belongs to the day it was on there */
  clock: WallClock,
): Purchases {
  const transactions: Transaction[] = [];
  const counts = { noContact: 0, unknownContact: 0, noAmount: 0, noDate: 0 };
  const add = (contactId: string, date: string | null, amount: number | null) => {
    if (contactId === '') counts.noContact++;
    else if (!contactIds.has(contactId)) counts.unknownContact++;
    else if (amount === null) counts.noAmount++;
    else if (date === null) counts.noDate++;
    else transactions.push({ customerId: contactId, date, amount });
  };
  for (const interaction of interactions) {
    if (interaction.deleted || interaction.type !== 'purchase') continue;
    add(interaction.contactId, interaction.occurredAt === '' ? null : dayOf(new Date(interaction.occurredAt), clock), interaction.amount);
  }
  for (const deal of deals) {
    if (deal.deleted || deal.stage !== 'won') continue;
    add(deal.contactId, deal.closedAt || deal.expectedClose || null, deal.amount);
  }
  const skipped = [
    { count: counts.noContact, reason: 'name no contact' },
    { count: counts.unknownContact, reason: 'belong to a contact that was deleted or is not in the Contacts tab' },
    { count: counts.noAmount, reason: 'have no amount' },
    { count: counts.noDate, reason: 'have no date (a purchase needs "Occurred at", a won deal "Closed at" or "Expected close")' },
  ].filter((s) => s.count > 0);
  return { transactions, skipped };
}
