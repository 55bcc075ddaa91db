import { Stack, Tabs } from '@mantine/core';
import type { OperationKey } from '@nrm/api-client';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../access/can';
import { useUser } from '../../session/session-store';
import { AssistancePlanSection } from './assistance/AssistancePlanSection';
import { NeedsAssessmentSection } from './assistance/NeedsAssessmentSection';
import { RiskAssessmentSection } from './assistance/RiskAssessmentSection';
import { ServiceReferralsSection } from './assistance/ServiceReferralsSection';
import { phaseOf } from './case-phase';
import { ClosureSection } from './closure/ClosureSection';
import { ErasureSection } from './closure/ErasureSection';
import type { SectionProps } from './common/section-props';
import { ConsentsSection } from './ConsentsSection';
import { FamilySection } from './family/FamilySection';
import { FamilyTracingSection } from './family/FamilyTracingSection';
import { ParentageSection } from './family/ParentageSection';
import { shownForKind } from './at-risk/at-risk-sections';
import { AgeAssessmentSection } from './identification/AgeAssessmentSection';
import { BestInterestsSection } from './identification/BestInterestsSection';
import { GuardianSection } from './identification/GuardianSection';
import { ReflectionExtensionSection } from './identification/ReflectionExtensionSection';
import { TeamConsentSection } from './consent-scope/TeamConsentSection';
import { IdentificationSection } from './IdentificationSection';
import { IdentificationReviewSection } from './lifecycle/IdentificationReviewSection';
import { IdentitySection } from './lifecycle/IdentitySection';
import { ReopeningSection } from './lifecycle/ReopeningSection';
import { DocumentsSection } from './legal-status/DocumentsSection';
import { LegalStatusSection } from './legal-status/LegalStatusSection';
import { CompensationSection } from './prosecution/CompensationSection';
import { CooperationSection } from './prosecution/CooperationSection';
import { HearingsSection } from './prosecution/HearingsSection';
import { LawEnforcementSection } from './prosecution/LawEnforcementSection';
import { NonPunishmentSection } from './prosecution/NonPunishmentSection';
import { ProtectiveMeasuresSection } from './prosecution/ProtectiveMeasuresSection';
import { CompensationOutcomeSection } from './proceedings/CompensationOutcomeSection';
import { ProceedingsSection } from './proceedings/ProceedingsSection';
import { VictimNotificationsSection } from './proceedings/VictimNotificationsSection';
import { AsylumSection } from './return/AsylumSection';
import { HandoversSection } from './return/HandoversSection';
import { ReintegrationPlanSection } from './return/ReintegrationPlanSection';
import { ReintegrationProgressSection } from './return/ReintegrationProgressSection';
import { MonitoringSection } from './return/MonitoringSection';
import { ReturnRequestSection } from './return/ReturnRequestSection';
import { ReturnRiskSection } from './return/ReturnRiskSection';

const TABS = ['identification', 'assistance', 'return', 'reintegration', 'prosecution', 'closure'] as const;
type Tab = (typeof TABS)[number];

// Keyed by component name as written here (shorthand properties survive minification).
const SECTIONS: Record<Tab, Record<string, ComponentType<SectionProps>>> = {
  identification: {
    IdentificationSection,
    IdentificationReviewSection,
    IdentitySection,
    ConsentsSection,
    AgeAssessmentSection,
    GuardianSection,
    BestInterestsSection,
    ReflectionExtensionSection,
    TeamConsentSection,
  },
  assistance: {
    NeedsAssessmentSection,
    RiskAssessmentSection,
    AssistancePlanSection,
    ServiceReferralsSection,
    FamilySection,
    ParentageSection,
  },
  return: {
    ReturnRequestSection,
    ReturnRiskSection,
    HandoversSection,
    AsylumSection,
    LegalStatusSection,
    DocumentsSection,
    FamilyTracingSection,
  },
  reintegration: { ReintegrationPlanSection, ReintegrationProgressSection, MonitoringSection },
  prosecution: {
    CooperationSection,
    LawEnforcementSection,
    HearingsSection,
    ProtectiveMeasuresSection,
    NonPunishmentSection,
    CompensationSection,
    ProceedingsSection,
    CompensationOutcomeSection,
    VictimNotificationsSection,
  },
  closure: { ClosureSection, ReopeningSection },
};

/**
 * The prosecution side is shown to the roles that act on it only: what law enforcement asked and what
 * the person decided is not everyone's business, even where the node would answer it.
 */
const PROSECUTION: OperationKey[] = [
  'POST /api/cases/{id}/cooperation-decision',
  'POST /api/cases/{id}/law-enforcement-requests',
  'POST /api/cases/{id}/hearings',
  'POST /api/cases/{id}/protective-measures',
  'POST /api/cases/{id}/non-punishment',
  'POST /api/cases/{id}/compensation-claims',
  'POST /api/cases/{id}/proceedings',
  'POST /api/cases/{id}/victim-notifications',
];

/**
 * The case's work grouped by the phases of the referral (Mantine tabs: arrow keys move between them),
 * opening on the phase the case is in. Only the open tab is rendered, so each label names one field.
 */
export function PhaseTabs(props: SectionProps) {
  const { t } = useTranslation();
  const { role } = useUser();
  const phase = phaseOf(props.view.stage);
  const [tab, setTab] = useState<string | null>(phase === 'closed' ? 'closure' : phase);
  const tabs = TABS.filter(
    (name) =>
      (name !== 'prosecution' || PROSECUTION.some((operation) => can(role, operation))) &&
      shownForKind(props.view, name),
  );
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List aria-label={t('casework.tabs.label')}>
        {tabs.map((name) => (
          <Tabs.Tab key={name} value={name}>
            {t(`casework.tabs.${name}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((name) => (
        <Tabs.Panel key={name} value={name} pt="md">
          <Stack>
            {Object.entries(SECTIONS[name])
              .filter(([key]) => shownForKind(props.view, key))
              .map(([key, Section]) => (
                <Section key={key} {...props} />
              ))}
            {name === 'closure' && <ErasureSection caseId={props.view.caseId} />}
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
