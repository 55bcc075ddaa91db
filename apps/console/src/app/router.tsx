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
const CasePage = lazy(() => import('../cases/detail/CasePage'));
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
      { path: 'cases/:caseId', element: <CasePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
