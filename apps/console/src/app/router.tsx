import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFoundPage } from '../errors/NotFoundPage';
import { Loading } from '../layout/Loading';
import { Shell } from '../layout/Shell';
import { OIDC_CALLBACK_PATH } from '../oidc/callback-path';

// Each page is its own chunk: the first load (sign-in) carries no chart library and no forms.
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
const CaseListPage = lazy(() => import('../cases/list/CaseListPage'));
const RegisterCasePage = lazy(() => import('../cases/register/RegisterCasePage'));
const RegisterPersonAtRiskPage = lazy(() => import('../cases/at-risk/RegisterPersonAtRiskPage'));
const CasePage = lazy(() => import('../cases/detail/CasePage'));
const LogVerificationPage = lazy(() => import('../audit/LogVerificationPage'));
const AccessLogPage = lazy(() => import('../audit/AccessLogPage'));
const PartnerJournalPage = lazy(() => import('../audit/PartnerJournalPage'));
const CaseExportPage = lazy(() => import('../audit/CaseExportPage'));
const ProofsPage = lazy(() => import('../audit/proofs/ProofsPage'));
const UsersPage = lazy(() => import('../admin/users/UsersPage'));
const PartnersPage = lazy(() => import('../admin/partners/PartnersPage'));
const OrganisationPage = lazy(() => import('../admin/organisation/OrganisationPage'));
const PartnerPage = lazy(() => import('../admin/partners/PartnerPage'));
const NodeIdentityPage = lazy(() => import('../admin/identity/NodeIdentityPage'));
const StatisticsPage = lazy(() => import('../statistics/StatisticsPage'));
const OidcCallbackPage = lazy(() => import('../oidc/OidcCallbackPage'));

export const router = createBrowserRouter([
  // Outside the Shell: the provider's answer is handled before anyone is signed in.
  {
    path: OIDC_CALLBACK_PATH,
    element: (
      <Suspense fallback={<Loading />}>
        <OidcCallbackPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'cases', element: <CaseListPage /> },
      { path: 'cases/new', element: <RegisterCasePage /> },
      { path: 'cases/new/at-risk', element: <RegisterPersonAtRiskPage /> },
      { path: 'cases/:caseId', element: <CasePage /> },
      { path: 'audit/verify', element: <LogVerificationPage /> },
      { path: 'audit/access-log', element: <AccessLogPage /> },
      { path: 'audit/partner-journal', element: <PartnerJournalPage /> },
      { path: 'audit/export', element: <CaseExportPage /> },
      { path: 'audit/proofs', element: <ProofsPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/partners', element: <PartnersPage /> },
      { path: 'admin/organisation', element: <OrganisationPage /> },
      { path: 'admin/partners/:nodeId', element: <PartnerPage /> },
      { path: 'admin/identity', element: <NodeIdentityPage /> },
      { path: 'statistics', element: <StatisticsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
