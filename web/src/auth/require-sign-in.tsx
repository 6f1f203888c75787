import { Result, Spin } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation } from 'react-router'
import { useMe } from '../api/me-queries.ts'
import { useSavedLanguage } from '../i18n/use-language.ts'

/** Shows its children to a signed-in user; anyone else goes to the sign-in page and comes back after. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const location = useLocation()
  const me = useMe()
  useSavedLanguage()
  if (me.isPending) return <Spin fullscreen />
  if (me.isError) return <Result status="error" title={t('errors.serverUnavailable')} subTitle={me.error.message} />
  if (!me.data) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />
  }
  return children
}
