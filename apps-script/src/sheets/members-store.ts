import { newId } from '../../../shared/ids';
import type { Team } from '../members';
import { memberDirectory, type MemberDirectory } from '../team/member-directory';
import { scriptProperties } from './script-state';

/** The team's members live in the script's properties; tokens are hashed with Utilities.computeDigest. */
export const membersTeam = (): Team => ({
  store: scriptProperties(),
  sha256: (text) =>
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
      .map((byte) => ((byte + 256) % 256).toString(16).padStart(2, '0'))
      .join(''),
});

/** A sync token: two random UUIDs' worth of hex (about 196 random bits). */
const newToken = () => newId().replace(/-/g, '') + Utilities.getUuid().replace(/-/g, '');

/** The team as the sidebars and reminders see it. */
export const teamMembers = (): MemberDirectory => memberDirectory(membersTeam(), newToken);
