/**
 * Industries of the demo portfolio with GB/T 4754-2017 codes, and the financial shape
 * each tends to have: how fast assets turn into sales, margins, how much is tied up in
 * receivables and stock. The numbers are plausible ranges, not statistics.
 */
export type IndustryProfile = {
  code: string
  nameZh: string
  nameEn: string
  /** Chinese name word and English word used in company names */
  wordZh: string
  wordEn: string
  assetTurnover: [number, number]
  ebitMargin: [number, number]
  receivableDays: [number, number]
  inventoryDays: [number, number]
  scope: string
  model: string
}

export const INDUSTRIES: IndustryProfile[] = [
  { code: 'C39', nameZh: '计算机、通信和其他电子设备制造业', nameEn: 'Computer, communication and other electronic equipment', wordZh: '电子科技', wordEn: 'Electronics', assetTurnover: [0.8, 1.4], ebitMargin: [0.04, 0.14], receivableDays: [45, 90], inventoryDays: [40, 80], scope: '电子产品、通信设备的研发、生产和销售', model: 'B2B manufacturing for telecom operators and OEMs' },
  { code: 'C26', nameZh: '化学原料和化学制品制造业', nameEn: 'Chemical raw materials and products', wordZh: '化工', wordEn: 'Chemicals', assetTurnover: [0.6, 1.1], ebitMargin: [0.05, 0.15], receivableDays: [40, 75], inventoryDays: [30, 70], scope: '化工原料及制品的生产与销售（不含危险化学品）', model: 'Bulk supply under annual contracts' },
  { code: 'C36', nameZh: '汽车制造业', nameEn: 'Motor vehicles', wordZh: '汽车零部件', wordEn: 'Automotive', assetTurnover: [0.7, 1.2], ebitMargin: [0.03, 0.1], receivableDays: [60, 100], inventoryDays: [30, 60], scope: '汽车零部件的设计、制造与销售', model: 'Tier-2 supplier to vehicle makers' },
  { code: 'F51', nameZh: '批发业', nameEn: 'Wholesale trade', wordZh: '贸易', wordEn: 'Trading', assetTurnover: [1.8, 3.2], ebitMargin: [0.01, 0.05], receivableDays: [30, 70], inventoryDays: [20, 50], scope: '货物及技术进出口；日用百货、五金交电批发', model: 'Import, distribution and wholesale' },
  { code: 'E48', nameZh: '土木工程建筑业', nameEn: 'Civil engineering', wordZh: '建设工程', wordEn: 'Construction', assetTurnover: [0.5, 0.9], ebitMargin: [0.03, 0.09], receivableDays: [90, 180], inventoryDays: [10, 40], scope: '市政公用工程、建筑工程施工', model: 'Project contracting for public and private clients' },
  { code: 'G54', nameZh: '道路运输业', nameEn: 'Road transport', wordZh: '物流', wordEn: 'Logistics', assetTurnover: [1.0, 1.8], ebitMargin: [0.03, 0.08], receivableDays: [40, 70], inventoryDays: [0, 5], scope: '普通货运、仓储服务、供应链管理', model: 'Contract logistics and freight forwarding' },
  { code: 'I65', nameZh: '软件和信息技术服务业', nameEn: 'Software and IT services', wordZh: '信息技术', wordEn: 'Software', assetTurnover: [0.6, 1.2], ebitMargin: [0.08, 0.25], receivableDays: [50, 110], inventoryDays: [0, 5], scope: '软件开发、信息系统集成服务', model: 'Licences, subscriptions and implementation services' },
  { code: 'C13', nameZh: '农副食品加工业', nameEn: 'Agricultural and food processing', wordZh: '食品', wordEn: 'Foods', assetTurnover: [1.2, 2.2], ebitMargin: [0.03, 0.09], receivableDays: [20, 50], inventoryDays: [30, 70], scope: '农副产品收购、加工与销售', model: 'Processing and sales to retail chains' },
  { code: 'D44', nameZh: '电力、热力生产和供应业', nameEn: 'Electricity and heat supply', wordZh: '能源', wordEn: 'Energy', assetTurnover: [0.25, 0.5], ebitMargin: [0.1, 0.25], receivableDays: [30, 60], inventoryDays: [5, 20], scope: '电力、热力生产和供应；新能源技术开发', model: 'Regulated and merchant power generation' },
  { code: 'C33', nameZh: '金属制品业', nameEn: 'Fabricated metal products', wordZh: '金属制品', wordEn: 'Metalworks', assetTurnover: [0.8, 1.4], ebitMargin: [0.03, 0.1], receivableDays: [50, 90], inventoryDays: [40, 90], scope: '金属结构件、五金制品的加工与销售', model: 'Made-to-order fabrication for industrial customers' },
]
