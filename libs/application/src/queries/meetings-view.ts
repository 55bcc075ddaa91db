import type { MeetingView, PersonalDataDecrypter } from '@nrm/read-models';
import { ERASED, type ErasedMarker } from './case-view';

/** A team meeting as a caller sees it: the decisions only where the person is shown. */
export type MeetingCaseView = Omit<MeetingView, 'decisions'> & { decisions?: string | ErasedMarker };

/** The meetings without their decisions (ciphertext is never shown nor compared). */
export const meetingsWithoutPersonal = (meetings: readonly MeetingView[]): MeetingCaseView[] =>
  meetings.map(({ decisions: _decisions, ...meeting }) => meeting);

/** Whether some meeting carries decisions (the read of the case then counts as a personal-data read). */
export const meetingsHavePersonalData = (meetings: readonly MeetingView[] | undefined): boolean =>
  !!meetings && meetings.some((m) => m.decisions !== undefined);

/** The meetings with their decisions decrypted; for a caller whose read was recorded. */
export async function revealMeetings(
  meetings: readonly MeetingView[],
  decrypter: PersonalDataDecrypter,
): Promise<MeetingCaseView[]> {
  return Promise.all(
    meetings.map(async ({ decisions, ...meeting }) => {
      if (!decisions) return meeting;
      const revealed = await decrypter.decrypt<{ decisions?: string }>(decisions);
      if (revealed.status !== 'ok') return { ...meeting, decisions: ERASED };
      return revealed.value.decisions === undefined
        ? meeting
        : { ...meeting, decisions: revealed.value.decisions };
    }),
  );
}
