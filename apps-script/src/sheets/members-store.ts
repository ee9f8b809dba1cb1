import type { Team } from '../members';
import { scriptProperties } from './script-state';

/** The team's members live in the script's properties; tokens are hashed with Utilities.computeDigest. */
export const membersTeam = (): Team => ({
  store: scriptProperties(),
  sha256: (text) =>
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8)
      .map((byte) => ((byte + 256) % 256).toString(16).padStart(2, '0'))
      .join(''),
});
