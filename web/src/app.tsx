import { QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import { useEffect } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { RouterProvider } from 'react-router/dom'
import { createQueryClient } from './api/query-client.ts'
import { antdLocale } from './i18n/antd-locale.ts'
import { createI18n } from './i18n/i18n.ts'
import { pickLanguage } from './i18n/pick-language.ts'
import { router } from './routes.tsx'

const queryClient = createQueryClient()
// Until the signed-in user's saved language is known: the browser's.
const i18n = createI18n(pickLanguage(null, navigator.languages))

const THEME = {
  token: {
    // Readers who asked their system for less motion get no animations.
    motion: !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
    colorPrimary: '#1d4ed8',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocalisedApp />
      </I18nextProvider>
    </QueryClientProvider>
  )
}

/** antd's own texts (dates, pagination, empty tables) follow the interface language. */
function LocalisedApp() {
  const { i18n } = useTranslation()
  useEffect(() => {
    document.documentElement.lang = i18n.language
  }, [i18n.language])
  return (
    <ConfigProvider locale={antdLocale(i18n.language)} theme={THEME}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  )
}
