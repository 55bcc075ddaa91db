import { consentCovers } from '../shared/consent-ledger';
import { fold, type DomainEvent } from '../shared/decider';
import { keepsCaseSecret } from '../shared/wishes';
import { returnReintegrationDecider } from './decider';

/** Why a message about a case may not go to the partner country now. */
export type SharingBar = 'asylum' | 'consent-withdrawn' | 'restricted' | 'no-consent';

/**
 * May this node tell `partnerCountry` something about the case, for this purpose, given its history?
 * - country of destination: only while the victim's data-sharing consent names that country, and
 *   never while an asylum application is pending or granted (not even a restriction request);
 * - country of origin: never after the partner asked for restriction; answers on the return itself
 *   travel within the exchange the victim consented to in the country of destination, while what is
 *   shared back about reintegration needs the victim's consent recorded here.
 */
export function sharingBar(
  history: readonly DomainEvent[],
  side: 'destination' | 'origin',
  partnerCountry: string,
  purpose: 'return' | 'reintegration' | 'restriction',
): SharingBar | undefined {
  const state = fold(returnReintegrationDecider, history);
  if (side === 'destination') {
    if (state.asylum === 'pending' || state.asylum === 'granted') return 'asylum';
    if (purpose === 'restriction') return undefined;
    const covered = consentCovers(state.consents, 'data_sharing', partnerCountry, {
      orUnsetRecipient: false,
    });
    return covered ? undefined : 'consent-withdrawn';
  }
  if (state.restrictedByPartner) return 'restricted';
  if (purpose !== 'reintegration') return undefined;
  return consentCovers(state.consents, 'data_sharing', partnerCountry, { orUnsetRecipient: false })
    ? undefined
    : 'no-consent';
}

/**
 * What an urgent alert (Convention CETS 197, art. 33) about this case may carry to `partnerCountry`:
 * - `asylum`: nothing at all while an asylum application is pending or granted (the domain refuses
 *   to raise it; the bridge withholds one raised before the application was recorded);
 * - `linked`: the victim's data-sharing consent names that country (and the partner did not ask this
 *   node to restrict the case): the alert may name the shared case reference of an existing handover
 *   with that partner, so that the partner finds the person in its own case; not while the victim
 *   asks to keep the case secret (the reference would tie the danger to their case);
 * - `minimal`: otherwise. The duty to warn of immediate danger does not wait for consent, but without
 *   it the alert carries codes only (who is in danger: victim, witness or family member; the kind of
 *   danger; when) under a reference of its own, which no case on either side shares: the partner
 *   learns that someone is in danger and whom to call, nothing that identifies the person.
 */
export function urgentAlertSharing(
  history: readonly DomainEvent[],
  partnerCountry: string,
): 'asylum' | 'linked' | 'minimal' {
  const state = fold(returnReintegrationDecider, history);
  if (state.asylum === 'pending' || state.asylum === 'granted') return 'asylum';
  if (state.restrictedByPartner || keepsCaseSecret(history)) return 'minimal';
  return consentCovers(state.consents, 'data_sharing', partnerCountry, { orUnsetRecipient: false })
    ? 'linked'
    : 'minimal';
}
