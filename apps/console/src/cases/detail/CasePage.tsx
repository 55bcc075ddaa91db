import { Card, SimpleGrid, Stack, Title } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { asApiError } from '../../api/problems';
import { ForbiddenPage } from '../../errors/ForbiddenPage';
import { NotFoundPage } from '../../errors/NotFoundPage';
import { ProblemAlert } from '../../errors/ProblemAlert';
import { useFormat } from '../../i18n/format';
import { ageBandText } from '../../i18n/age-band';
import { CaseHeader } from './CaseHeader';
import { HistorySection } from './HistorySection';
import { RemovalAlert } from './legal-status/RemovalAlert';
import { PersonSection } from './PersonSection';
import { PhaseTabs } from './PhaseTabs';
import { UrgentAlertsSection } from './alerts/UrgentAlertsSection';
import { ErasurePage } from './closure/ErasurePage';
import { useCase } from './use-case';
import { Loading } from '../../layout/Loading';
import { can } from '../../access/can';
import { useUser } from '../../session/session-store';
import { FactsTable } from '../../layout/FactsTable';
import { AsOfBanner } from '../../timetravel/AsOfBanner';
import { AsOfControl } from '../../timetravel/AsOfControl';
import { AsOfUnavailable } from '../../timetravel/AsOfUnavailable';
import { ChangesSection } from '../../timetravel/ChangesSection';
import { CaseCommandsContext } from './common/case-commands';
import { MeetingsSection } from './meetings/MeetingsSection';
import { WishesSection } from './wishes/WishesSection';
import { PersonAtRiskSection } from './at-risk/PersonAtRiskSection';

function Registration({ view }: { view: Schema<'CaseView'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const registration = view.registration;
  if (!registration) return null;
  const rows: [string, string][] = [
    [t('register.referralSource'), t(`referralSources.${registration.referralSource}`)],
    [t('cases.countryOfExploitation'), format.country(registration.countryOfExploitation)],
    [t('cases.citizenship'), format.country(registration.citizenship)],
    [
      t('register.formsOfExploitation'),
      registration.formsOfExploitation.map((form) => t(`exploitation.${form}`)).join(', '),
    ],
    [t('person.sex'), t(`sexes.${registration.sex}`)],
    [
      t('case.ageBand'),
      registration.ageBand === 'unknown' ? t('case.ageBandUnknown') : ageBandText(registration.ageBand),
    ],
    [t('cases.registered'), format.dateTime(registration.registeredAt)],
  ];
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('case.registration')}
      </Title>
      <FactsTable rows={rows} />
    </Card>
  );
}

/**
 * One case: where it stands, what is known, and every step the user's role may take. With `?asOf=` (a
 * revision or a date-time) the case as it was then, read-only.
 */
export function CasePage() {
  const { caseId = '' } = useParams();
  const asOf = useSearchParams()[0].get('asOf') ?? undefined;
  const { role } = useUser();
  // An admin may not read cases; at a case's address they get the one thing they may do: erasure.
  const readable = can(role, 'GET /api/cases/{id}');
  const travels = can(role, 'GET /api/cases/{id}/changes');
  const current = useCase(caseId, readable, asOf);
  if (!readable && can(role, 'POST /api/cases/{id}/erasure')) return <ErasurePage caseId={caseId} />;
  if (current.isPending) return <Loading />;
  if (current.isError) {
    const status = asApiError(current.error)?.status;
    if (asOf !== undefined && (status === 400 || status === 404))
      return <AsOfUnavailable caseId={caseId} error={current.error} />;
    if (status === 404) return <NotFoundPage />;
    if (status === 403) return <ForbiddenPage />;
    return <ProblemAlert error={current.error} />;
  }
  const { view, revision } = current.data;
  const reload = () => void current.refetch();
  return (
    <CaseCommandsContext.Provider value={asOf === undefined}>
      <Stack>
        {view.asOf && <AsOfBanner caseId={view.caseId} moment={view.asOf} />}
        <CaseHeader view={view} />
        <RemovalAlert view={view} />
        {travels && <AsOfControl key={asOf ?? ''} caseId={view.caseId} asOf={asOf} />}
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Stack>
            <Registration view={view} />
            <PersonAtRiskSection view={view} revision={revision} onReload={reload} />
            {/* Keyed: another moment hides the person again until a purpose is stated for it. */}
            <PersonSection key={asOf ?? ''} caseId={view.caseId} asOf={asOf} />
            <WishesSection view={view} revision={revision} onReload={reload} />
            <MeetingsSection view={view} revision={revision} onReload={reload} />
            <PhaseTabs key={asOf ?? ''} view={view} revision={revision} onReload={reload} />
          </Stack>
          <Stack>
            {asOf === undefined && <UrgentAlertsSection view={view} revision={revision} onReload={reload} />}
            <HistorySection caseId={view.caseId} />
            {travels && <ChangesSection caseId={view.caseId} />}
          </Stack>
        </SimpleGrid>
      </Stack>
    </CaseCommandsContext.Provider>
  );
}

export default CasePage;
