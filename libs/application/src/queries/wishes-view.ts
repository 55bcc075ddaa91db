import type { PersonalDataDecrypter, WishActionView, WishesView, WishStatementView } from '@nrm/read-models';
import type { EncryptedPersonalData } from '@nrm/event-store/port';
import { ERASED, type ErasedMarker } from './case-view';

type InClear<T, K extends keyof T> = Omit<T, K> & { [P in K]?: string | ErasedMarker };

/** One action on a wish as a caller sees it: the note only where the person is shown. */
export type WishActionCaseView = InClear<WishActionView, 'note'>;
/** One statement as a caller sees it: the victim's own words only where the person is shown. */
export type WishStatementCaseView = InClear<WishStatementView, 'inTheirWords'>;
/** The victim's wishes as a caller sees them (GET /api/cases/:id). */
export interface WishesCaseView {
  statedAt: string;
  current: { wish: string; actions: WishActionCaseView[] }[];
  statements: WishStatementCaseView[];
  actions: WishActionCaseView[];
}

const without = <T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> => {
  const { [key]: _dropped, ...rest } = value;
  return rest;
};

/** The wishes without any personal part (ciphertext is never shown nor compared). */
export function wishesWithoutPersonal(wishes: WishesView): WishesCaseView {
  const action = (a: WishActionView): WishActionCaseView => without(a, 'note');
  return {
    statedAt: wishes.statedAt,
    current: wishes.current.map((c) => ({ wish: c.wish, actions: c.actions.map(action) })),
    statements: wishes.statements.map((s) => without(s, 'inTheirWords')),
    actions: wishes.actions.map(action),
  };
}

/** Whether the wishes carry a personal part (the read of the case then counts as a personal-data read). */
export const wishesHavePersonalData = (wishes: WishesView | undefined): boolean =>
  !!wishes &&
  (wishes.statements.some((s) => s.inTheirWords) || wishes.actions.some((a) => a.note !== undefined));

/** The wishes with their personal parts decrypted; for a caller whose read was recorded. */
export async function revealWishes(
  wishes: WishesView,
  decrypter: PersonalDataDecrypter,
): Promise<WishesCaseView> {
  const clear = async <K extends string>(
    enc: EncryptedPersonalData | undefined,
    key: K,
  ): Promise<Partial<Record<K, string | ErasedMarker>>> => {
    if (!enc) return {};
    const revealed = await decrypter.decrypt<Record<K, string | undefined>>(enc);
    if (revealed.status !== 'ok') return { [key]: ERASED } as Record<K, ErasedMarker>;
    const value = revealed.value[key];
    return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
  };
  const action = async (a: WishActionView): Promise<WishActionCaseView> => ({
    ...without(a, 'note'),
    ...(await clear(a.note, 'note')),
  });
  return {
    statedAt: wishes.statedAt,
    current: await Promise.all(
      wishes.current.map(async (c) => ({ wish: c.wish, actions: await Promise.all(c.actions.map(action)) })),
    ),
    statements: await Promise.all(
      wishes.statements.map(async (s) => ({
        ...without(s, 'inTheirWords'),
        ...(await clear(s.inTheirWords, 'inTheirWords')),
      })),
    ),
    actions: await Promise.all(wishes.actions.map(action)),
  };
}
