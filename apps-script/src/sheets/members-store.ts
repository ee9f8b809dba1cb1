import type { PropertyStore } from '../members';
import { scriptProperties } from './script-state';

/** Where the team's members and tokens are kept: the script's properties. */
export const membersStore = (): PropertyStore => scriptProperties();
