// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../api/types.ts'
import { renderWithApp } from '../testing/render-with-app.tsx'
import { LanguageSwitch } from './language-switch.tsx'

const ME: Me = { user: { id: 'u1', email: 'wang.fang@example.com', name: '王芳', role: 'analyst', language: null, teamId: null }, permissions: [], via: 'session' }

describe('LanguageSwitch', () => {
  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('switches the interface and saves the choice on the signed-in user', async () => {
    const fetch = vi.fn(async () => Response.json({ ...ME, user: { ...ME.user, language: 'en' } }))
    vi.stubGlobal('fetch', fetch)
    const { i18n, queryClient } = renderWithApp(<LanguageSwitch />, { cached: [[['me'], ME]] })

    fireEvent.click(screen.getByText('English'))

    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/me')
    expect(init.method).toBe('PATCH')
    expect(JSON.parse(String(init.body))).toEqual({ language: 'en' })
    expect(i18n.language).toBe('en')
    await waitFor(() => expect(queryClient.getQueryData<Me>(['me'])?.user.language).toBe('en'))
  })

  it('only switches the interface when nobody is signed in', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const { i18n } = renderWithApp(<LanguageSwitch />, { language: 'en', cached: [[['me'], null]] })

    fireEvent.click(screen.getByText('中文'))

    await waitFor(() => expect(i18n.language).toBe('zh-CN'))
    expect(fetch).not.toHaveBeenCalled()
  })
})
