import { describe, expect, it } from 'vitest';
import { contactSchema, recordSchemas } from '../../shared/records';
import { newId, nowIso } from '../../shared/ids';

describe('record schemas', () => {
  it('fills defaults so a sparse contact parses', () => {
    const now = nowIso();
    const contact = contactSchema.parse({ id: newId(), createdAt: now, updatedAt: now, updatedBy: 'ann@example.com', firstName: 'Ann' });
    expect(contact.emails).toEqual([]);
    expect(contact.stage).toBe('lead');
    expect(contact.deleted).toBe(false);
  });

  it('rejects a record without a UUID id or with a bad timestamp', () => {
    const now = nowIso();
    for (const schema of Object.values(recordSchemas)) {
      expect(schema.safeParse({ id: 'x', createdAt: now, updatedAt: now, updatedBy: 'a' }).success).toBe(false);
      expect(schema.safeParse({ id: newId(), createdAt: 'yesterday', updatedAt: now, updatedBy: 'a' }).success).toBe(false);
    }
  });
});
