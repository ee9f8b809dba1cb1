import { newId } from '../../../shared/ids';
import type { PropertyStore } from '../members';
import { memberDirectory, type MemberDirectory } from '../team/member-directory';
import { scriptProperties } from './script-state';

/** Where the team's members and tokens are kept: the script's properties. */
export const membersStore = (): PropertyStore => scriptProperties();

/** A sync token: two random UUIDs' worth of hex (about 196 random bits). */
const newToken = () => newId().replace(/-/g, '') + Utilities.getUuid().replace(/-/g, '');

/** The team, over today's member store. */
export const teamMembers = (): MemberDirectory => memberDirectory(membersStore(), newToken);
