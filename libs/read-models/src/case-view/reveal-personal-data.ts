import type { EncryptedPersonalData } from '@nrm/event-store/port';
import type { CaseDetail } from '../port/case-views';

/** The slice of PersonalDataCipher (@nrm/privacy) this needs; erased keys read as 'erased'. */
export interface PersonalDataDecrypter {
  decrypt<T = Record<string, unknown>>(
    enc: EncryptedPersonalData,
  ): Promise<{ status: 'ok'; value: T } | { status: 'erased' }>;
}

export type Revealed<T> = { status: 'ok'; value: T } | { status: 'erased' } | { status: 'absent' };

export interface PersonView {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
}

/** A registration's personal part: the name pair, or a pseudonym (until IdentityRecorded replaces it). */
export type RegisteredPersonView = PersonView | { pseudonym: string; dateOfBirth?: string };

export interface RevealedPersonalData {
  person: Revealed<RegisteredPersonView>;
  guardianName: Revealed<{ name: string }>;
}

/**
 * Decrypts the ciphertext a case detail carries. For the query layer only, after it has checked the
 * caller's role and recorded the access: the read model itself never holds these fields in clear.
 */
export async function revealPersonalData(
  detail: CaseDetail,
  decrypter: PersonalDataDecrypter,
): Promise<RevealedPersonalData> {
  return {
    person: await reveal<RegisteredPersonView>(detail.person, decrypter),
    guardianName: await reveal<{ name: string }>(detail.guardian?.name, decrypter),
  };
}

async function reveal<T>(
  enc: EncryptedPersonalData | undefined,
  decrypter: PersonalDataDecrypter,
): Promise<Revealed<T>> {
  if (!enc) return { status: 'absent' };
  return decrypter.decrypt<T>(enc);
}
