import { createHash } from 'node:crypto';
import type { Team } from '../src/members.ts';
import type { FakeGoogle } from './fake-google.ts';

/** The team of a local sheet, as a person managing it from outside the script sees it (calls not counted). */
export function localTeam(google: FakeGoogle): Team {
  const properties = google.globals.PropertiesService.getScriptProperties();
  const uncounted = <T>(work: () => T) => google.asPerson(work);
  return {
    store: {
      getProperty: (key) => uncounted(() => properties.getProperty(key)),
      setProperty: (key, value) => uncounted(() => properties.setProperty(key, value)),
      deleteProperty: (key) => uncounted(() => properties.deleteProperty(key)),
      getKeys: () => uncounted(() => properties.getKeys()),
    },
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}
