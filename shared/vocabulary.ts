// The fixed choices of the records, without zod, so that small bundles (the popup) can list them.

/** The customer life cycle: lead → qualified → customer → loyal → at risk → lost (and back). */
export const lifecycleStages = ['lead', 'qualified', 'customer', 'loyal', 'at risk', 'lost'] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const interactionTypes = [
  'email', 'call', 'meeting', 'note', 'purchase', 'complaint', 'event', 'social', 'web',
] as const;
export const directions = ['inbound', 'outbound', 'internal'] as const;
export const dealStages = ['prospecting', 'qualification', 'proposal', 'negotiation', 'won', 'lost'] as const;
export const followUpStatuses = ['open', 'done', 'snoozed'] as const;
