import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from './domain/monitoring/features/index.ts'
import { DEFAULT_DATABASE_URL } from './store/database-url.ts'

/**
 * Every setting Fengkong reads, with its default. Command-line flags win over environment
 * variables, which win over defaults. docs/configuration.md lists them for operators.
 */
export type Config = {
  databaseUrl: string
  host: string
  port: number
  /** Largest request body accepted, in bytes; larger ones get 413. */
  bodyLimit: number
  /** Largest document upload accepted, in bytes. */
  documentLimit: number
  /** Largest file accepted by POST /api/v1/imports, in bytes. */
  importLimit: number
  sessionHours: number
  /** Mark the session cookie Secure; turn on whenever Fengkong is served over HTTPS. */
  secureCookies: boolean
  logLevel: string
  /** Trust X-Forwarded-For from a reverse proxy, so rate limits and logs see the real client address. */
  trustProxy: boolean
  /** nats://host:port: API nodes hand transactions to the engine worker (fengkong worker) over NATS JetStream; unset, the engine runs in the server. */
  natsUrl: string | null
  /**
   * Exchange rates into the monitoring engine's reporting currency (CNY): reporting minor units
   * per minor unit of each currency, e.g. USD=7.1,HKD=0.91. A transaction in a currency without
   * a rate is counted but left out of every amount feature.
   */
  fxRates: Record<string, number>
  /** smtp://user:pass@host:port (smtps:// for TLS from the start): email notifications are sent through it; unset, no email is queued or sent. */
  smtpUrl: string | null
  /** The sender of those emails. */
  mailFrom: string
  /** The Chromium that prints the digest and the handbook to PDF (playwright-core never downloads one). */
  chromiumPath: string
}

export type ConfigOverrides = Partial<Pick<Config, 'databaseUrl' | 'host' | 'port'>>

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: overrides.databaseUrl ?? env.FENGKONG_DB ?? DEFAULT_DATABASE_URL,
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port: overrides.port ?? integer(env.PORT, 'PORT', 3000),
    bodyLimit: integer(env.FENGKONG_BODY_LIMIT, 'FENGKONG_BODY_LIMIT', 1024 * 1024),
    documentLimit: integer(env.FENGKONG_DOCUMENT_LIMIT, 'FENGKONG_DOCUMENT_LIMIT', 20 * 1024 * 1024),
    importLimit: integer(env.FENGKONG_IMPORT_LIMIT, 'FENGKONG_IMPORT_LIMIT', 100 * 1024 * 1024),
    sessionHours: integer(env.FENGKONG_SESSION_HOURS, 'FENGKONG_SESSION_HOURS', 12),
    secureCookies: flag(env.FENGKONG_SECURE_COOKIES),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: flag(env.FENGKONG_TRUST_PROXY),
    natsUrl: env.FENGKONG_NATS_URL || null,
    fxRates: rates(env.FENGKONG_FX_RATES),
    smtpUrl: smtpUrl(env.FENGKONG_SMTP_URL),
    mailFrom: env.FENGKONG_MAIL_FROM || 'Fengkong <fengkong@localhost>',
    chromiumPath: env.FENGKONG_CHROMIUM?.trim() || '/usr/bin/chromium',
  }
}

/** The monitoring engine's feature settings under this configuration. */
export function featureConfigOf(config: Pick<Config, 'fxRates'>): FeatureConfig {
  return { ...DEFAULT_FEATURE_CONFIG, fxToReporting: config.fxRates }
}

function rates(value: string | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  if (!value) return out
  for (const entry of value.split(',')) {
    const match = /^\s*([A-Z]{3})\s*=\s*([0-9]*\.?[0-9]+)\s*$/.exec(entry)
    if (!match || !(Number(match[2]) > 0)) throw new Error(`FENGKONG_FX_RATES must look like USD=7.1,HKD=0.91 (reporting minor units per minor unit), got "${entry}"`)
    out[match[1]!] = Number(match[2])
  }
  return out
}

function smtpUrl(value: string | undefined): string | null {
  if (!value) return null
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new Error('FENGKONG_SMTP_URL must look like smtp://user:pass@host:port')
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new Error(`FENGKONG_SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`)
  return value
}

/** The SMTP server an operator may see in logs: its address without the password. */
export function redactSmtpUrl(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

function flag(value: string | undefined): boolean {
  return value === 'true' || value === '1'
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got "${value}"`)
  return parsed
}
