import type { CustomFieldDefinition, FieldProblem } from '../../domain/customers/index.ts'
import type { ImportTarget } from '../../schemas/import-job.ts'
import { countryCode } from './countries.ts'

/**
 * Maps the rows of a Zoho CRM export onto Fengkong's fields (docs/import-export.md has the
 * table): an Accounts export onto customers, a Contacts export onto contacts. Every Zoho
 * record becomes externalId `zoho:<Record Id>`, so importing a newer export updates what an
 * older one created. Columns not mapped are ignored: Zoho exports carry dozens.
 */
export type ZohoMapping = {
  /** Problems with the header (line 1): the columns this mapping cannot do without. */
  headerProblems(columns: readonly string[]): FieldProblem[]
  /** A row of the export as a Fengkong record (with its key columns), what is wrong with it, and the fields left out because of it. */
  toRecord(cells: Record<string, unknown>): { record: Record<string, unknown>; problems: FieldProblem[]; skipped: string[] }
}

export const ZOHO_TARGETS = ['customers', 'contacts'] as const

export function zohoMapping(target: ImportTarget, definitions: readonly CustomFieldDefinition[]): ZohoMapping | null {
  if (target === 'customers') return zohoAccounts(definitions)
  if (target === 'contacts') return zohoContacts
  return null
}

/** When Billing Country is empty: Fengkong's home country, as for customerCountry. */
export const ZOHO_DEFAULT_COUNTRY = 'CN'

function zohoAccounts(definitions: readonly CustomFieldDefinition[]): ZohoMapping {
  const defined = new Set(definitions.filter((definition) => definition.type === 'text').map((definition) => definition.key))
  return {
    headerProblems: (columns) => missing(columns, ['Record Id', 'Account Name']),
    toRecord(cells) {
      const cell = reader(cells)
      const problems: FieldProblem[] = []
      const skipped: string[] = []
      const record: Record<string, unknown> = { type: 'company' }
      const id = cell('Record Id')
      if (id) record.externalId = `zoho:${id}`
      if (cell('Account Name')) record.name = cell('Account Name')
      const country = cell('Billing Country')
      const code = country ? countryCode(country) : ZOHO_DEFAULT_COUNTRY
      if (code) record.country = code
      else {
        problems.push({ path: 'Billing Country', message: `"${country}" is not a country Fengkong knows; write it as a 2-letter ISO code such as CN, HK or US` })
        skipped.push('country')
      }
      const accountNumber = cell('Account Number')?.replace(/\s/g, '')
      if (accountNumber && /^[0-9A-Za-z]{18}$/.test(accountNumber)) record.registrationId = accountNumber.toUpperCase()
      const region = [cell('Billing State'), cell('Billing City')].filter((part) => part).join(' ')
      if (region) record.region = region
      const tags = (cell('Tag') ?? '').split(/[,;，；|]/).map((tag) => tag.trim())
      const industry = cell('Industry')
      if (industry) {
        const code = ZOHO_INDUSTRIES.get(industry.toLowerCase())
        if (code) record.industry = { code, name: industry }
        else tags.push(industry)
      }
      if (cell('Account Type')) tags.push(cell('Account Type')!)
      const uniqueTags = [...new Set(tags.filter((tag) => tag !== '').map((tag) => tag.slice(0, 50)))]
      if (uniqueTags.length > 0) record.tags = uniqueTags
      const employees = cell('Employees')?.replace(/[,\s]/g, '')
      if (employees && /^\d+$/.test(employees)) record.employees = Number(employees)
      else if (employees) problems.push({ path: 'Employees', message: `must be a whole number, not "${cell('Employees')}"` })
      if (cell('Description')) record.businessScope = cell('Description')
      const ownership = cell('Ownership')
      if (ownership) record.listed = ownership.toLowerCase() === 'public'
      const customFields: Record<string, string> = {}
      if (defined.has('website') && cell('Website')) customFields.website = cell('Website')!
      if (defined.has('phone') && cell('Phone')) customFields.phone = cell('Phone')!
      if (Object.keys(customFields).length > 0) record.customFields = customFields
      return { record, problems, skipped }
    },
  }
}

const ACCOUNT_ID_COLUMNS = ['Account Name.id', 'Account Id', 'Account ID']

const zohoContacts: ZohoMapping = {
  headerProblems(columns) {
    const problems = missing(columns, ['Record Id', 'Last Name'])
    if (!ACCOUNT_ID_COLUMNS.some((column) => columns.includes(column))) {
      problems.push({ path: 'Account Name.id', message: "is required to find each contact's customer (Zoho exports it as Account Name.id, or Account Id)" })
    }
    return problems
  },
  toRecord(cells) {
    const cell = reader(cells)
    const problems: FieldProblem[] = []
    const skipped: string[] = []
    const record: Record<string, unknown> = {}
    const id = cell('Record Id')
    if (id) record.externalId = `zoho:${id}`
    const name = personName(cell('First Name'), cell('Last Name'))
    if (name) record.name = name
    else {
      problems.push({ path: 'Last Name', message: 'is required (First Name and Last Name are both empty)' })
      skipped.push('name')
    }
    const account = ACCOUNT_ID_COLUMNS.map(cell).find((value) => value)
    if (account) record.customerExternalId = `zoho:${account}`
    else {
      problems.push({ path: 'Account Name.id', message: `is empty: the contact has no account${cell('Account Name') ? ` id (account "${cell('Account Name')}")` : ''}` })
      skipped.push('customerExternalId')
    }
    if (cell('Email')) record.email = cell('Email')!.trim().toLowerCase()
    const phone = cell('Phone')
    const mobile = cell('Mobile')
    if (phone || mobile) record.phone = phone ?? mobile
    if (phone && mobile && phone !== mobile) record.notes = `Mobile: ${mobile}`
    if (cell('Title')) record.title = cell('Title')
    return { record, problems, skipped }
  },
}

const HAN = /^\p{Script=Han}+$/u

/** Chinese names family name first without a space (王 + 伟 = 王伟); others "First Last". */
export function personName(first: string | undefined, last: string | undefined): string | undefined {
  if (first && last && HAN.test(first) && HAN.test(last)) return `${last}${first}`
  return [first, last].filter((part) => part).join(' ') || undefined
}

function reader(cells: Record<string, unknown>): (column: string) => string | undefined {
  return (column) => {
    const value = cells[column]
    if (value === undefined || value === null) return undefined
    const text = String(value).trim()
    return text === '' ? undefined : text
  }
}

function missing(columns: readonly string[], required: readonly string[]): FieldProblem[] {
  return required.filter((column) => !columns.includes(column)).map((column) => ({ path: column, message: 'is missing: is this a Zoho CRM export of the right module?' }))
}

/**
 * Zoho's Industry picklist (its default values and common custom ones) to GB/T 4754-2017
 * codes: a section letter, or a division where the value is that specific.
 */
const ZOHO_INDUSTRIES = new Map<string, string>(
  Object.entries({
    'asp (application service provider)': 'I65',
    'data/telecom oem': 'C39',
    'erp (enterprise resource planning)': 'I65',
    'government/military': 'S',
    managementisv: 'I65',
    'non-management isv': 'I65',
    'msp (management service provider)': 'I65',
    'network equipment enterprise': 'C39',
    'optical networking': 'C39',
    'service provider': 'I',
    'storage equipment': 'C39',
    'storage service provider': 'I65',
    'systems integrator': 'I65',
    'wireless industry': 'I63',
    agriculture: 'A',
    mining: 'B',
    manufacturing: 'C',
    energy: 'D',
    utilities: 'D',
    construction: 'E',
    wholesale: 'F',
    retail: 'F',
    transportation: 'G',
    logistics: 'G',
    hospitality: 'H',
    technology: 'I',
    software: 'I65',
    telecommunications: 'I63',
    communications: 'I63',
    banking: 'J66',
    finance: 'J',
    'financial services': 'J',
    insurance: 'J68',
    'real estate': 'K',
    consulting: 'L72',
    education: 'P',
    healthcare: 'Q',
    media: 'R',
    entertainment: 'R',
    government: 'S',
    'not for profit': 'S',
    农业: 'A',
    采矿业: 'B',
    制造业: 'C',
    建筑业: 'E',
    批发和零售业: 'F',
    交通运输: 'G',
    信息技术: 'I',
    软件: 'I65',
    金融业: 'J',
    房地产业: 'K',
    教育: 'P',
    医疗: 'Q',
  }),
)

export const ZOHO_INDUSTRY_CODES: ReadonlyMap<string, string> = ZOHO_INDUSTRIES
