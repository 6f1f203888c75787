import { AppError } from '../app-error.ts'

/**
 * Opaque keyset cursors: the sort value and id of the last row of a page, as base64url
 * JSON. Opaque so clients do not build them; keyset so deep pages stay cheap.
 */
export function encodeCursor(key: readonly [string | number, string]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(key) && key.length === 2 && (typeof key[0] === 'string' || typeof key[0] === 'number') && typeof key[1] === 'string') {
      return [String(key[0]), key[1]]
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'cursor is not one this server gave out', { details: [{ path: 'querystring.cursor', message: 'is not one this server gave out' }] })
}
