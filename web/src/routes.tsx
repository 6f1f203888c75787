import { createBrowserRouter, Navigate } from 'react-router'
import { LoginPage } from './auth/login-page.tsx'
import { RequireSignIn } from './auth/require-sign-in.tsx'
import { Customer360Page } from './customers/customer-360-page.tsx'
import { CustomerListPage } from './customers/customer-list-page.tsx'
import { AppLayout } from './layout/app-layout.tsx'
import { NotFoundPage } from './layout/not-found-page.tsx'

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireSignIn>
        <AppLayout />
      </RequireSignIn>
    ),
    children: [
      { index: true, element: <Navigate to="/customers" replace /> },
      { path: 'customers', element: <CustomerListPage /> },
      { path: 'customers/:customerId/:tab?', element: <Customer360Page /> },
      // The models pages draw charts: they, and ECharts with them, load when first visited.
      { path: 'models', lazy: async () => ({ Component: (await import('./models/models-page.tsx')).ModelsPage }) },
      { path: 'models/:modelId', lazy: async () => ({ Component: (await import('./models/model-detail-page.tsx')).ModelDetailPage }) },
      { path: 'alerts', lazy: async () => ({ Component: (await import('./alerts/alerts-page.tsx')).AlertsPage }) },
      { path: 'cases', lazy: async () => ({ Component: (await import('./alerts/cases-page.tsx')).CasesPage }) },
      { path: 'cases/:caseId', lazy: async () => ({ Component: (await import('./alerts/case-page.tsx')).CasePage }) },
      { path: 'rules', lazy: async () => ({ Component: (await import('./rules/rules-page.tsx')).RulesPage }) },
      { path: 'handbook', lazy: async () => ({ Component: (await import('./handbook/handbook-page.tsx')).HandbookPage }) },
      { path: 'portfolio', lazy: async () => ({ Component: (await import('./portfolio/portfolio-page.tsx')).PortfolioPage }) },
      { path: 'policy', lazy: async () => ({ Component: (await import('./policy/policy-page.tsx')).PolicyPage }) },
      { path: 'approvals', lazy: async () => ({ Component: (await import('./workflow/approvals-page.tsx')).ApprovalsPage }) },
      { path: 'reviews', lazy: async () => ({ Component: (await import('./workflow/reviews-page.tsx')).ReviewsPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
