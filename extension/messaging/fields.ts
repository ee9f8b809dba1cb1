import * as z from 'zod';
import { lifecycleStages } from '../../shared/records';

/** The fields a card edits and saves: exactly what the form shows. */
const text = (max: number) => z.string().max(max).default('');
const list = z.array(z.string().max(500)).max(50).default([]);

export const contactFieldsSchema = z.object({
  firstName: text(200),
  lastName: text(200),
  emails: list,
  phones: list,
  jobTitle: text(200),
  company: text(200),
  website: text(500),
  stage: z.enum(lifecycleStages).default('lead'),
  tags: list,
  /** keep in touch at least every so many days (none: no cadence) */
  keepInTouchDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const companyFieldsSchema = z.object({
  name: z.string().min(1).max(200),
  domain: text(253),
  emails: list,
  phones: list,
  address: text(500),
  tags: list,
});
export type CompanyFields = z.infer<typeof companyFieldsSchema>;
