import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import { App } from 'antd'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import type { Language } from '../api/types.ts'
import { createI18n } from '../i18n/i18n.ts'

export type RenderOptions = {
  language?: Language
  /** Query results the component finds already cached, by key. */
  cached?: [readonly unknown[], unknown][]
}

/** Renders a component inside what the app wraps it in: the query cache, i18n and antd's App. */
export function renderWithApp(ui: ReactNode, { language = 'zh-CN', cached = [] }: RenderOptions = {}): RenderResult & { queryClient: QueryClient; i18n: ReturnType<typeof createI18n> } {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } })
  for (const [key, data] of cached) queryClient.setQueryData(key, data)
  const i18n = createI18n(language)
  const result = render(
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <App>{ui}</App>
      </I18nextProvider>
    </QueryClientProvider>,
  )
  return { ...result, queryClient, i18n }
}
