import { createHash, randomBytes } from 'node:crypto'

/** A fresh 256-bit secret, URL-safe, optionally prefixed so leaked keys are recognisable in scanners. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url')
}

/**
 * Session tokens and API keys are high-entropy random secrets, so one SHA-256 is enough to
 * store them safely and still look them up by hash; passwords, which people choose, get argon2.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
