import { CoordinationPage } from '../features/coordination/CoordinationPage';
import { ProgrammeCreatePage, ProgrammeEditPage } from '../features/coordination/ProgrammeFormPage';
import { ProgrammePage } from '../features/coordination/ProgrammePage';
import {
  COORDINATION_PATH,
  PROGRAMME_CREATE_PATH,
  programmeEditPath,
  programmePath,
} from '../features/coordination/paths';
import { ModelPage } from '../features/models/ModelPage';
import { ModelsPage } from '../features/models/ModelsPage';
import { MODELS_PATH } from '../features/models/paths';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ApiError } from '../api/client';
import { NotFoundResult } from '../components/Results';
import { AdminUnitDetailPage } from '../features/admin-units/AdminUnitDetailPage';
import { AdminUnitsPage } from '../features/admin-units/AdminUnitsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SessionProvider } from '../features/auth/session';
import { CalculatorPage } from '../features/calculator/CalculatorPage';
import { ComingSoonPage } from '../features/coming-soon/ComingSoonPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage';
import { StandardsPage } from '../features/standards/StandardsPage';
import { UsersPage } from '../features/users/UsersPage';
import { VillagesPage } from '../features/villages/VillagesPage';
import {
  COMPARISON_PATH,
  HOUSEHOLD_CREATE_PATH,
  HOUSEHOLD_IMPORT_PATH,
  HOUSEHOLDS_PATH,
} from '../features/households/paths';
import { REVIEWS_PATH, ROLLUP_PATH, roundPath } from '../features/reviews/paths';
import { I18nProvider, useLang } from '../i18n';
import { AppShell } from './AppShell';
import { RequireAuth, RequirePermission } from './guards';
import { NEWS_PATH, PUBLIC_CALCULATOR_ALIAS, PUBLIC_CALCULATOR_PATH } from './paths';
import { PublicLayout } from './PublicLayout';
import { COMING_MODULES } from './navigation';
import { theme } from './theme';
import { distributionPath, SUPPORT_PATH } from '../features/support/paths';

// The registry is the largest part of the app: loaded when first opened.
const registry = () => import('../features/households/pages');
const HouseholdsPage = lazy(() => registry().then((m) => ({ default: m.HouseholdsPage })));
const HouseholdPage = lazy(() => registry().then((m) => ({ default: m.HouseholdPage })));
const HouseholdCreatePage = lazy(() => registry().then((m) => ({ default: m.HouseholdCreatePage })));
const ImportPage = lazy(() => registry().then((m) => ({ default: m.ImportPage })));
const AssessPage = lazy(() => registry().then((m) => ({ default: m.AssessPage })));
const ComparisonPage = lazy(() => registry().then((m) => ({ default: m.ComparisonPage })));
const SupportPage = lazy(() => import('../features/support/SupportPage').then((m) => ({ default: m.SupportPage })));
const DistributionPage = lazy(() =>
  import('../features/support/DistributionPage').then((m) => ({ default: m.DistributionPage })),
);
const fund = () => import('../features/fund/pages');
const FundsPage = lazy(() => fund().then((m) => ({ default: m.FundsPage })));
const FundPage = lazy(() => fund().then((m) => ({ default: m.FundPage })));
const LedgerVerificationPage = lazy(() => fund().then((m) => ({ default: m.LedgerVerificationPage })));
const PublicFundPage = lazy(() => fund().then((m) => ({ default: m.PublicFundPage })));
const news = () => import('../features/news/pages');
const PublicNewsListPage = lazy(() => news().then((m) => ({ default: m.PublicNewsListPage })));
const PublicNewsPage = lazy(() => news().then((m) => ({ default: m.PublicNewsPage })));

const reviews = () => import('../features/reviews/pages');
const RoundsPage = lazy(() => reviews().then((m) => ({ default: m.RoundsPage })));
const RoundPage = lazy(() => reviews().then((m) => ({ default: m.RoundPage })));
const RollupPage = lazy(() => reviews().then((m) => ({ default: m.RollupPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Themed() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* Open to anyone, signed in or not. */}
              <Route element={<PublicLayout />}>
                <Route path={PUBLIC_CALCULATOR_PATH} element={<CalculatorPage />} />
                <Route path="cong-khai/quy/:id" element={<PublicFundPage />} />
                <Route path={NEWS_PATH.slice(1)} element={<PublicNewsListPage />} />
                <Route path={`${NEWS_PATH.slice(1)}/:id`} element={<PublicNewsPage />} />
              </Route>
              <Route path={PUBLIC_CALCULATOR_ALIAS} element={<Navigate to={PUBLIC_CALCULATOR_PATH} replace />} />
              <Route element={<RequireAuth />}>
                <Route element={<AppShell />}>
                  <Route index element={<DashboardPage />} />
                  <Route path={HOUSEHOLDS_PATH.slice(1)} element={<HouseholdsPage />} />
                  <Route path={HOUSEHOLD_CREATE_PATH.slice(1)} element={<HouseholdCreatePage />} />
                  <Route path={HOUSEHOLD_IMPORT_PATH.slice(1)} element={<ImportPage />} />
                  <Route path={`${HOUSEHOLDS_PATH.slice(1)}/:id`} element={<HouseholdPage />} />
                  <Route path={`${HOUSEHOLDS_PATH.slice(1)}/:id/danh-gia`} element={<AssessPage />} />
                  <Route path={COMPARISON_PATH.slice(1)} element={<ComparisonPage />} />
                  <Route path={COORDINATION_PATH.slice(1)} element={<CoordinationPage />} />
                  <Route path={PROGRAMME_CREATE_PATH.slice(1)} element={<ProgrammeCreatePage />} />
                  <Route path={programmePath(':id').slice(1)} element={<ProgrammePage />} />
                  <Route path={programmeEditPath(':id').slice(1)} element={<ProgrammeEditPage />} />
                  <Route path={ROLLUP_PATH.slice(1)} element={<RollupPage />} />
                  <Route path={MODELS_PATH.slice(1)} element={<ModelsPage />} />
                  <Route path={`${MODELS_PATH.slice(1)}/:id`} element={<ModelPage />} />
                  <Route path="households" element={<Navigate to={HOUSEHOLDS_PATH} replace />} />
                  <Route path={REVIEWS_PATH.slice(1)} element={<RoundsPage />} />
                  <Route path={roundPath(':id').slice(1)} element={<RoundPage />} />
                  <Route path={SUPPORT_PATH.slice(1)} element={<SupportPage />} />
                  <Route path={distributionPath(':id').slice(1)} element={<DistributionPage />} />
                  <Route path="fund" element={<FundsPage />} />
                  <Route path="fund/:id" element={<FundPage />} />
                  <Route
                    path="admin/ledger"
                    element={
                      <RequirePermission permission="viewAudit">
                        <LedgerVerificationPage />
                      </RequirePermission>
                    }
                  />
                  {COMING_MODULES.map((m) => (
                    <Route key={m} path={m} element={<ComingSoonPage module={m} />} />
                  ))}
                  <Route
                    path="admin/users"
                    element={
                      <RequirePermission permission="manageUsers">
                        <UsersPage />
                      </RequirePermission>
                    }
                  />
                  <Route path="admin/organisations" element={<OrganisationsPage />} />
                  <Route path="admin/villages" element={<VillagesPage />} />
                  <Route
                    path="admin/audit"
                    element={
                      <RequirePermission permission="viewAudit">
                        <AuditPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="admin/standards"
                    element={
                      <RequirePermission permission="manageUsers">
                        <StandardsPage />
                      </RequirePermission>
                    }
                  />
                  <Route path="admin/units" element={<AdminUnitsPage />} />
                  <Route path="admin/units/:code" element={<AdminUnitDetailPage />} />
                  <Route path="*" element={<NotFoundResult />} />
                </Route>
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  );
}
