import { Alert, Card, Skeleton, Tabs } from 'antd'
import { lazy, Suspense, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { ApiError } from '../api/client.ts'
import { useCustomer } from '../api/customer-queries.ts'
import { useMe } from '../api/me-queries.ts'
import { NotFoundPage } from '../layout/not-found-page.tsx'
import { CustomerFormDrawer } from './customer-form-drawer.tsx'
import { CustomerHeader } from './customer-header.tsx'
import { BureauTab } from './tabs/bureau-tab.tsx'
import { ContactsTab } from './tabs/contacts-tab.tsx'
import { ControlsTab } from './tabs/controls-tab.tsx'
import { DocumentsTab } from './tabs/documents-tab.tsx'
import { ProfileTab } from './tabs/profile-tab.tsx'
import { RelationshipsTab } from './tabs/relationships-tab.tsx'
import { StatementsTab } from './tabs/statements-tab.tsx'
import { TimelineTab } from './tabs/timeline-tab.tsx'

// The risk, activity and receivables tabs draw charts: each, and ECharts with them, loads when first opened.
const RiskTab = lazy(async () => ({ default: (await import('./tabs/risk-tab.tsx')).RiskTab }))
const ActivityTab = lazy(async () => ({ default: (await import('./tabs/activity-tab.tsx')).ActivityTab }))
const ReceivablesTab = lazy(async () => ({ default: (await import('./tabs/receivables-tab.tsx')).ReceivablesTab }))

const TABS = ['profile', 'contacts', 'statements', 'risk', 'activity', 'receivables', 'bureau', 'relationships', 'documents', 'controls', 'timeline'] as const
type Tab = (typeof TABS)[number]

/** Everything known about one customer, a tab per kind, the tab in the address. */
export function Customer360Page() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { customerId = '', tab } = useParams()
  const active: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'profile'
  const customer = useCustomer(customerId)
  const canWrite = useMe().data?.permissions.includes('customers.write') ?? false
  const [isEditing, setEditing] = useState(false)

  if (customer.isPending) return <Skeleton active />
  if (customer.isError) {
    if (customer.error instanceof ApiError && customer.error.status === 404) return <NotFoundPage />
    return <Alert type="error" showIcon title={customer.error.message} />
  }
  const data = customer.data

  const panes: Record<Tab, ReactNode> = {
    profile: <ProfileTab customer={data} />,
    contacts: <ContactsTab customerId={data.id} />,
    statements: <StatementsTab customerId={data.id} />,
    risk: (
      <Suspense fallback={<Skeleton active />}>
        <RiskTab customerId={data.id} canWrite={canWrite} />
      </Suspense>
    ),
    activity: (
      <Suspense fallback={<Skeleton active />}>
        <ActivityTab customerId={data.id} />
      </Suspense>
    ),
    receivables: (
      <Suspense fallback={<Skeleton active />}>
        <ReceivablesTab customerId={data.id} />
      </Suspense>
    ),
    bureau: <BureauTab customerId={data.id} />,
    relationships: <RelationshipsTab customerId={data.id} />,
    documents: <DocumentsTab customerId={data.id} canUpload={canWrite} />,
    controls: <ControlsTab customerId={data.id} />,
    timeline: <TimelineTab customerId={data.id} />,
  }

  return (
    <>
      <CustomerHeader customer={data} canEdit={canWrite} onEdit={() => setEditing(true)} />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => void navigate(`/customers/${data.id}/${key}`, { replace: true })}
          items={TABS.map((key) => ({ key, label: t(`customer360.tabs.${key}`), children: panes[key] }))}
        />
      </Card>
      <CustomerFormDrawer
        open={isEditing}
        customer={data}
        onClose={() => setEditing(false)}
        onReload={() => void customer.refetch()}
      />
    </>
  )
}
