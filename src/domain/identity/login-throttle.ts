/**
 * Counts failed logins per account and per client address in a sliding window and says
 * when a key must wait. Plain state and an injected clock: no timers, no I/O.
 */
export type LoginThrottleOptions = {
  windowMs?: number
  maxFailuresPerAccount?: number
  maxFailuresPerAddress?: number
  now?: () => number
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; limitedBy: 'account' | 'address' }

export function createLoginThrottle({
  windowMs = 15 * 60_000,
  maxFailuresPerAccount = 5,
  maxFailuresPerAddress = 20,
  now = Date.now,
}: LoginThrottleOptions = {}) {
  const failures = new Map<string, number[]>()

  function recent(key: string, at: number): number[] {
    const kept = (failures.get(key) ?? []).filter((t) => t > at - windowMs)
    if (kept.length === 0) failures.delete(key)
    else failures.set(key, kept)
    return kept
  }

  function verdictFor(key: string, max: number, limitedBy: 'account' | 'address', at: number): ThrottleVerdict | null {
    const times = recent(key, at)
    if (times.length < max) return null
    const retryAt = times[times.length - max]! + windowMs
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - at) / 1000)), limitedBy }
  }

  return {
    check(account: string, address: string): ThrottleVerdict {
      const at = now()
      return (
        verdictFor(`account:${account}`, maxFailuresPerAccount, 'account', at) ??
        verdictFor(`address:${address}`, maxFailuresPerAddress, 'address', at) ?? { allowed: true }
      )
    },
    recordFailure(account: string, address: string): void {
      const at = now()
      for (const key of [`account:${account}`, `address:${address}`]) failures.set(key, [...recent(key, at), at])
    },
    recordSuccess(account: string): void {
      failures.delete(`account:${account}`)
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
