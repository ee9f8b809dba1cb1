import * as z from 'zod';

/** What extension pages ask the service worker, which owns syncing. */
export const backgroundRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('syncStatus') }),
]);
export type BackgroundRequest = z.infer<typeof backgroundRequestSchema>;

export const syncReportSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  pending: z.number(),
  lastSuccessAt: z.string(),
});
export type SyncReport = z.infer<typeof syncReportSchema>;
