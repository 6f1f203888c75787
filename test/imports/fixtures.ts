import { completeUnifiedSocialCreditCode } from '../../src/domain/customers/index.ts'
import { mulberry32 } from '../../src/domain/random/index.ts'

/**
 * Seeded generators of import files: the same seed gives the same file, so failures
 * reproduce, and nothing large is committed.
 */
export const seededRandom = mulberry32

const CITIES = ['北京', '上海', '深圳', '杭州', '成都', '武汉', '苏州', '广州']
const WORDS = ['华信', '中联', '恒达', '天成', '瑞丰', '金桥', '远景', '鼎盛', '海川', '新元']
const INDUSTRIES = [
  ['C39', '计算机、通信和其他电子设备制造业'],
  ['F51', '批发业'],
  ['I65', '软件和信息技术服务业'],
  ['C36', '汽车制造业'],
] as const

export const CUSTOMER_COLUMNS = ['externalId', 'type', 'name', 'country', 'registrationId', 'region', 'industry.code', 'industry.name', 'founded', 'employees', 'listed', 'tags', 'aliases', 'status'] as const

/** A valid unified social credit code, different for every n. */
export function registrationIdOf(n: number): string {
  return completeUnifiedSocialCreditCode(`91${String(110000 + (n % 7) * 10000)}MA${String(n).padStart(7, '0')}`.slice(0, 17))
}

/** One customer row's cells, keyed by column, the n-th of a seeded file. */
export function customerRow(n: number, random: () => number): Record<(typeof CUSTOMER_COLUMNS)[number], string> {
  const [code, industry] = INDUSTRIES[Math.floor(random() * INDUSTRIES.length)]!
  const city = CITIES[Math.floor(random() * CITIES.length)]!
  const word = WORDS[Math.floor(random() * WORDS.length)]!
  return {
    externalId: `erp-${n}`,
    type: 'company',
    name: `${city}${word}科技有限公司 ${n}`,
    country: 'CN',
    registrationId: registrationIdOf(n),
    region: city,
    'industry.code': code,
    'industry.name': industry,
    founded: `${1990 + Math.floor(random() * 30)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    employees: String(Math.floor(random() * 5000)),
    listed: random() < 0.1 ? '是' : '否',
    tags: random() < 0.5 ? 'key-account|华东' : '',
    aliases: random() < 0.3 ? `${word}集团` : '',
    status: 'active',
  }
}

/** CSV text of rows (an array of cells per row), quoting where needed. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], newline = '\n'): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
  return [header, ...rows].map((row) => row.map(cell).join(',')).join(newline) + newline
}

/** A seeded customers CSV of `count` rows; row k (1-based) is on line k + 1. `patch` changes cells of chosen rows. */
export function customersCsv(count: number, seed: number, patch: Record<number, Partial<Record<(typeof CUSTOMER_COLUMNS)[number], string>>> = {}): string {
  const random = seededRandom(seed)
  const rows = Array.from({ length: count }, (_, i) => {
    const row = { ...customerRow(i + 1, random), ...patch[i + 1] }
    return CUSTOMER_COLUMNS.map((column) => row[column])
  })
  return toCsv(CUSTOMER_COLUMNS, rows)
}

/** Bytes of a string as they arrive in small pieces, as a file stream would deliver them. */
export async function* chunked(content: Buffer | string, size = 4096): AsyncGenerator<Buffer> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size)
}

let gbkTable: Map<string, Buffer> | null = null

/** Text as GBK bytes, the way Excel in Simplified Chinese saves a CSV (Node decodes GBK but cannot encode it). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk')
    for (let lead = 0x81; lead <= 0xfe; lead += 1) {
      for (let trail = 0x40; trail <= 0xfe; trail += 1) {
        if (trail === 0x7f) continue
        const bytes = Buffer.from([lead, trail])
        const char = decoder.decode(bytes)
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, bytes)
      }
    }
  }
  return Buffer.concat(
    [...text].map((char) => {
      if (char.charCodeAt(0) < 0x80) return Buffer.from(char, 'latin1')
      const bytes = gbkTable!.get(char)
      if (!bytes) throw new Error(`${char} has no GBK encoding`)
      return bytes
    }),
  )
}
