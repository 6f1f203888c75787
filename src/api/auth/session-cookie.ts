/** The session cookie: httpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over HTTPS. */
export const SESSION_COOKIE = 'fk_session'

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

export type SessionCookieOptions = { token: string; maxAgeSeconds: number; secure: boolean }

export function sessionCookie({ token, maxAgeSeconds, secure }: SessionCookieOptions): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ')
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie({ token: '', maxAgeSeconds: 0, secure })
}
