import { Layout, Menu } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation } from 'react-router'
import styles from './app-layout.module.css'
import { HeaderSearch } from './header-search.tsx'
import { InboxBell } from './inbox-bell.tsx'
import { LanguageSwitch } from './language-switch.tsx'
import { UserMenu } from './user-menu.tsx'

/** Every signed-in page: the header (name, sections, search, language, user) above the page. */
export function AppLayout() {
  const { t } = useTranslation()
  const { pathname } = useLocation()
  const section = pathname.split('/')[1] ?? ''
  return (
    <Layout className={styles.layout}>
      <Layout.Header className={styles.header}>
        <Link to="/customers" className={styles.brand}>
          <span className={styles.brandMark}>风控</span>
          <span className={styles.brandName}>Fengkong</span>
        </Link>
        <Menu
          mode="horizontal"
          selectedKeys={[section]}
          className={styles.menu}
          items={[
            { key: 'customers', label: <Link to="/customers">{t('nav.customers')}</Link> },
            { key: 'portfolio', label: <Link to="/portfolio">{t('nav.portfolio')}</Link> },
            { key: 'alerts', label: <Link to="/alerts">{t('nav.alerts')}</Link> },
            { key: 'cases', label: <Link to="/cases">{t('nav.cases')}</Link> },
            { key: 'approvals', label: <Link to="/approvals">{t('nav.approvals')}</Link> },
            { key: 'reviews', label: <Link to="/reviews">{t('nav.reviews')}</Link> },
            { key: 'rules', label: <Link to="/rules">{t('nav.rules')}</Link> },
            { key: 'models', label: <Link to="/models">{t('nav.models')}</Link> },
            { key: 'policy', label: <Link to="/policy">{t('nav.policy')}</Link> },
            { key: 'handbook', label: <Link to="/handbook">{t('nav.handbook')}</Link> },
          ]}
        />
        <HeaderSearch />
        <div className={styles.spacer} />
        <InboxBell />
        <LanguageSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout.Content className={styles.content}>
        <Outlet />
      </Layout.Content>
    </Layout>
  )
}
