import type { Candidate } from './candidate';
import { hasContactData, makeCandidate } from './make-candidate';
import { parseSignature, type SignatureOptions } from './signature';

/** The person in the text the user selected (usually a signature or an address block), or null. */
export function readSelection(text: string, options: SignatureOptions = {}): Candidate | null {
  const candidate = makeCandidate({ ...parseSignature(text, options), source: 'selection' });
  return hasContactData(candidate) ? candidate : null;
}
