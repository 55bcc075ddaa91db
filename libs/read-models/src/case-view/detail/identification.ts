import type { ConsentView } from '../../port/case-views';
import type { ContextFold } from './case-events';

type ConsentEventType = 'ConsentGiven' | 'ConsentWithdrawn' | 'ConsentRefused';
const CONSENT_STATUS: Readonly<Record<ConsentEventType, ConsentView['status']>> = {
  ConsentGiven: 'given',
  ConsentWithdrawn: 'withdrawn',
  ConsentRefused: 'refused',
};

/** Registration, reflection period, minority, consent and the identification decision. */
export const evolveIdentification: ContextFold<'identification'> = (view, event) => {
  const at = event.occurredAt;
  // No default: the compiler checks that every identification event has a case.
  switch (event.type) {
    case 'PresumedVictimRegistered': {
      const d = event.data;
      return {
        ...view,
        kind: 'presumed_victim',
        registration: {
          referralSource: d.referralSource,
          countryOfExploitation: d.countryOfExploitation,
          formsOfExploitation: d.formsOfExploitation,
          // Defensive, as the view has always been: a payload without them still folds to empty lists.
          indicators: d.indicators ?? [],
          meansOfControl: d.meansOfControl ?? [],
          recruiterRelation: d.recruiterRelation,
          sex: d.sex,
          citizenship: d.citizenship,
          ageBand: d.ageBand,
          ageUncertain: d.ageUncertain,
          registeredAt: d.registeredAt,
        },
        presumedMinor: d.presumedMinor,
        ...(d.presumedMinor ? { presumedMinorSince: d.registeredAt } : {}),
        ...(d.district === undefined ? {} : { district: d.district }),
        // The ciphertext only: the query layer decrypts (and logs the access).
        person: event.personal,
        ...(d.pseudonymous ? { pseudonym: {} } : {}),
      };
    }
    case 'PersonAtRiskRegistered': {
      const d = event.data;
      return {
        ...view,
        kind: 'person_at_risk',
        personAtRisk: {
          vulnerabilities: d.vulnerabilities,
          referralSource: d.referralSource,
          linkedCaseId: d.linkedCaseId,
          sex: d.sex,
          citizenship: d.citizenship,
          ageBand: d.ageBand,
          ageUncertain: d.ageUncertain,
          registeredAt: d.registeredAt,
        },
        presumedMinor: d.presumedMinor,
        ...(d.presumedMinor ? { presumedMinorSince: d.registeredAt } : {}),
        ...(d.district === undefined ? {} : { district: d.district }),
        person: event.personal,
        ...(d.pseudonymous ? { pseudonym: {} } : {}),
      };
    }
    case 'PersonAtRiskConverted': {
      const d = event.data;
      const atRisk = view.personAtRisk;
      if (!atRisk) return { ...view, kind: 'presumed_victim' };
      // The registration a presumed victim's case carries: the person as registered at risk, the
      // exploitation as the conversion found it; registeredAt stays the case's own registration.
      return {
        ...view,
        kind: 'presumed_victim',
        personAtRisk: { ...atRisk, convertedAt: d.convertedAt },
        registration: {
          referralSource: atRisk.referralSource,
          countryOfExploitation: d.countryOfExploitation,
          formsOfExploitation: d.formsOfExploitation,
          indicators: d.indicators,
          meansOfControl: d.meansOfControl,
          recruiterRelation: d.recruiterRelation,
          sex: atRisk.sex,
          citizenship: atRisk.citizenship,
          ageBand: atRisk.ageBand,
          ageUncertain: atRisk.ageUncertain,
          registeredAt: atRisk.registeredAt,
        },
      };
    }
    case 'ReflectionPeriodStarted': {
      const { startsAt, endsAt, days } = event.data;
      return { ...view, reflectionPeriod: { startsAt, endsAt, days } };
    }
    case 'ReflectionPeriodExtended':
      return {
        ...view,
        reflectionPeriod: {
          startsAt: view.reflectionPeriod?.startsAt ?? at,
          endsAt: event.data.endsAt,
          days: event.data.days,
        },
      };
    case 'AgeAssessed': {
      const { presumedMinor, method } = event.data;
      // The presumption runs from the first assessment that found a child after none (or an adult).
      const { presumedMinorSince: _ended, ...rest } = view;
      const since = presumedMinor ? (view.presumedMinor ? view.presumedMinorSince : at) : undefined;
      return {
        ...rest,
        ...(since ? { presumedMinorSince: since } : {}),
        presumedMinor,
        ageAssessments: [...view.ageAssessments, { presumedMinor, method, at }],
      };
    }
    case 'GuardianAppointed':
      return {
        ...view,
        guardian: { authority: event.data.authority, appointedAt: at, name: event.personal },
      };
    case 'BestInterestsDetermined':
      return {
        ...view,
        bestInterests: {
          outcome: event.data.outcome,
          returnInBestInterests: event.data.returnInBestInterests,
          determinedAt: at,
        },
      };
    case 'ConsentGiven':
    case 'ConsentWithdrawn':
    case 'ConsentRefused': {
      // Consent is per purpose and recipient: the latest decision replaces the one before.
      const { purpose, recipient } = event.data;
      const others = view.consents.filter((c) => !(c.purpose === purpose && c.recipient === recipient));
      return {
        ...view,
        consents: [...others, { purpose, recipient, status: CONSENT_STATUS[event.type], at }],
      };
    }
    case 'IdentificationConcluded':
      return {
        ...view,
        identification: {
          status: event.data.status,
          decidingBody: event.data.decidingBody,
          formsOfExploitation: event.data.formsOfExploitation,
          concludedAt: at,
        },
      };
    case 'IdentificationReviewRequested':
      return {
        ...view,
        identification: {
          ...view.identification,
          review: { kind: event.data.kind, status: 'requested', requestedAt: event.data.requestedAt },
        },
      };
    case 'IdentificationReviewDecided': {
      const { review } = view.identification;
      return {
        ...view,
        identification: {
          ...view.identification,
          status: event.data.status,
          // A decision whose request this node never saw still shows, as requested when decided.
          review: {
            kind: review?.kind ?? 'review',
            requestedAt: review?.requestedAt ?? event.data.decidedAt,
            status: event.data.outcome,
            decidedAt: event.data.decidedAt,
          },
        },
      };
    }
    case 'IdentityRecorded':
      // The identity replaces the pseudonym the screens showed (the query layer decrypts it).
      return {
        ...view,
        person: event.personal ?? view.person,
        pseudonym: { identityRecordedAt: event.data.recordedAt },
      };
  }
};
