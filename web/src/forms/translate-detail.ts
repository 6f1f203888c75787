import type { TFunction } from 'i18next'

/** The server's field messages (English) that the UI says in its own words; the rest pass through. */
const PATTERNS: [RegExp, string][] = [
  [/^is required$/, 'validation.required'],
  [/^is already used by customer /, 'validation.alreadyUsed'],
  [/^is not a valid unified social credit code/, 'validation.creditCode'],
  [/^must be a date as YYYY-MM-DD$/, 'validation.date'],
  [/^must be one of (?<options>.+)$/, 'validation.oneOf'],
  [/^must NOT have more than (?<limit>\d+) characters$/, 'validation.maxLength'],
  [/^must NOT have fewer than 1 characters$/, 'validation.required'],
  [/^must be at least (?<count>\d+) characters, is \d+$/, 'validation.minLength'],
  [/^must match pattern "\^\[A-Z\]\{2\}\$"$/, 'validation.country'],
  [/^must be a number$/, 'validation.number'],
  [/^is (?<version>\d+) on the server$/, 'validation.staleVersion'],
]

export function translateDetail(message: string, t: TFunction): string {
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message)
    if (match) return t(key, { ...match.groups, server: message })
  }
  return message
}
