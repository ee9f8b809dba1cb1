import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../../apps-script/local/fake-google';

describe('PropertiesService', () => {
  it('stores strings, answers null for a missing key, and lists and deletes', () => {
    const { globals, mutations } = createFakeGoogle();
    const props = globals.PropertiesService.getScriptProperties();
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('count', 3 as unknown as string).setProperty('a', '1').setProperty('b', '2');
    expect(props.getProperty('count')).toBe('3');
    expect(props.getKeys().sort()).toEqual(['a', 'b', 'count']);
    props.deleteProperty('a');
    expect(props.getProperties()).toEqual({ count: '3', b: '2' });
    expect(globals.PropertiesService.getDocumentProperties().getKeys()).toEqual([]);
    expect(mutations).toBe(0);
  });

  it('enforces 9 KB per value and 500 KB per store, keeping the store as it was', () => {
    const google = createFakeGoogle();
    const props = google.globals.PropertiesService.getScriptProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    const eightKb = 'y'.repeat(8 * 1024);
    // 9 KB + 61 × 8 KB (+ keys) fits in 500 KB; one more 8 KB value does not.
    for (let i = 0; i < 61; i++) props.setProperty(`k${i}`, eightKb);
    expect(() => props.setProperty('k61', eightKb)).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(props.getProperty('k61')).toBeNull();
    expect(props.getKeys()).toHaveLength(62);
  });

  it('counts changes to properties as mutations', () => {
    const google = createFakeGoogle();
    google.globals.PropertiesService.getScriptProperties().setProperty('a', '1');
    expect(google.mutations).toBe(1);
  });
});

describe('LockService', () => {
  it('waitLock throws Google’s timeout while another process holds the lock', () => {
    const google = createFakeGoogle();
    google.locks.hold('script');
    const lock = google.globals.LockService.getScriptLock();
    expect(() => lock.waitLock(30_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(google.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
    google.locks.release('script');
    lock.waitLock(30_000);
    expect(lock.hasLock()).toBe(true);
  });

  it('one execution holds a lock until it releases it or ends', () => {
    const google = createFakeGoogle();
    const { LockService } = google.globals;
    google.execute('webapp', () => {
      const lock = LockService.getScriptLock();
      lock.waitLock(1000);
      expect(LockService.getScriptLock().tryLock(0)).toBe(true); // same execution
    });
    // The first execution ended without releasing: Google releases it.
    google.execute('webapp', () => {
      const lock = LockService.getScriptLock();
      expect(lock.tryLock(0)).toBe(true);
      lock.releaseLock();
      expect(lock.hasLock()).toBe(false);
    });
  });

  it('an execution cannot take a lock another execution holds', () => {
    const google = createFakeGoogle();
    const { LockService } = google.globals;
    google.execute('webapp', () => {
      LockService.getScriptLock().waitLock(1000);
      expect(google.execute('trigger', () => LockService.getScriptLock().tryLock(0))).toBe(false);
    });
  });
});

describe('CacheService', () => {
  it('expires entries on the fake clock', () => {
    let now = Date.UTC(2024, 0, 1);
    const { globals } = createFakeGoogle({ now: () => new Date(now) });
    const cache = globals.CacheService.getScriptCache();
    cache.putAll({ a: '1' }, 60);
    cache.putAll({ b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'x'])).toEqual({ a: '1', b: '2' });
    now += 61_000;
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('2');
    cache.remove('b');
    expect(cache.get('b')).toBeNull();
    expect(() => cache.putAll({ big: 'x'.repeat(100 * 1024 + 1) })).toThrow('Argument too large: value');
  });
});

describe('ContentService', () => {
  it('builds text output with a mime type', () => {
    const { ContentService } = createFakeGoogle().globals;
    const output = ContentService.createTextOutput('{"ok":').append('true}').setMimeType(ContentService.MimeType.JSON);
    expect([output.getContent(), output.getMimeType()]).toEqual(['{"ok":true}', 'JSON']);
    expect(ContentService.createTextOutput().getMimeType()).toBe(ContentService.MimeType.TEXT);
  });
});

describe('Utilities', () => {
  it('computes digests as Java signed bytes (FIPS 180-2 test vector for "abc")', () => {
    const { Utilities } = createFakeGoogle().globals;
    const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    const hex = bytes.map((b) => (b & 0xff).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(bytes.slice(0, 4)).toEqual([-70, 120, 22, -65]);
    expect(Math.min(...bytes)).toBeGreaterThanOrEqual(-128);
  });

  it('formats dates with Java patterns in a time zone', () => {
    const { Utilities } = createFakeGoogle().globals;
    const date = new Date(Date.UTC(2024, 6, 1, 22, 5, 9));
    expect(Utilities.formatDate(date, 'Etc/UTC', 'yyyy-MM-dd HH:mm')).toBe('2024-07-01 22:05');
    expect(Utilities.formatDate(date, 'Europe/Berlin', "EEE d MMM yyyy, HH:mm 'Uhr' XXX")).toBe('Tue 2 Jul 2024, 00:05 Uhr +02:00');
    expect(Utilities.formatDate(date, 'America/New_York', 'h:mm a')).toBe('6:05 PM');
  });

  it('makes UUIDs and does not really sleep', () => {
    const google = createFakeGoogle();
    expect(google.globals.Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    google.globals.Utilities.sleep(5000);
    expect(google.slept.ms).toBe(5000);
  });
});

describe('MailApp', () => {
  it('records both call forms and spends one quota unit per recipient', () => {
    const google = createFakeGoogle({ mailQuota: 3 });
    const { MailApp } = google.globals;
    MailApp.sendEmail('ann@example.com', 'Due today', '2 follow-ups', { htmlBody: '<b>2</b> follow-ups', name: 'Rapport' });
    MailApp.sendEmail({ to: 'bo@example.com', cc: 'cy@example.com', subject: 'Digest', body: 'text' });
    expect(google.sentMail).toEqual([
      { to: 'ann@example.com', subject: 'Due today', body: '2 follow-ups', htmlBody: '<b>2</b> follow-ups', name: 'Rapport' },
      { to: 'bo@example.com', cc: 'cy@example.com', subject: 'Digest', body: 'text' },
    ]);
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('di@example.com', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(() => createFakeGoogle().globals.MailApp.sendEmail('', 's', 'b')).toThrow('Failed to send email: no recipient');
  });
});

describe('Session', () => {
  it('hides the visitor’s email from web-app requests but not from the editor', () => {
    const google = createFakeGoogle({ user: 'owner@example.com' });
    const { Session } = google.globals;
    expect(Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(google.execute('webapp', () => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()])).toEqual(['', 'owner@example.com']);
  });
});

describe('ScriptApp', () => {
  it('records, lists and deletes triggers and checks their schedules', () => {
    const google = createFakeGoogle();
    const { ScriptApp } = google.globals;
    ScriptApp.newTrigger('sendReminders').timeBased().everyDays(1).atHour(7).create();
    ScriptApp.newTrigger('recalculateScores').timeBased().everyHours(6).create();
    expect(google.triggers.map((t) => [t.handlerFunction, t.eventType])).toEqual([
      ['sendReminders', 'CLOCK'],
      ['recalculateScores', 'CLOCK'],
    ]);
    expect(() => ScriptApp.newTrigger('x').timeBased().everyHours(3)).toThrow(/everyHours/);
    expect(() => ScriptApp.newTrigger('x').timeBased().everyHours(1).atHour(3).create()).toThrow(/atHour/);
    const [first] = ScriptApp.getProjectTriggers();
    ScriptApp.deleteTrigger(first);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['recalculateScores']);
  });

  it('allows at most 20 triggers', () => {
    const { ScriptApp } = createFakeGoogle().globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyDays(1).create();
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyDays(1).create()).toThrow(/too many triggers/);
  });
});

describe('HtmlService', () => {
  it('keeps html content and title', () => {
    const { HtmlService } = createFakeGoogle().globals;
    const html = HtmlService.createHtmlOutput('<p>Hi</p>').setTitle('Rapport');
    expect([html.getContent(), html.getTitle()]).toEqual(['<p>Hi</p>', 'Rapport']);
  });
});
