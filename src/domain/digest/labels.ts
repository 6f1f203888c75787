/**
 * The words of the weekly digest and the risk handbook, in zh-CN and en. They live here, beside
 * the pages that use them, because the pages are made on the server (the web UI's i18n files
 * are for the web app). Codes without a label here (a new action, role or disposition) are
 * shown as they are.
 */
export const DIGEST_LANGUAGES = ['zh-CN', 'en'] as const
export type DigestLanguage = (typeof DIGEST_LANGUAGES)[number]

export function isDigestLanguage(value: unknown): value is DigestLanguage {
  return typeof value === 'string' && (DIGEST_LANGUAGES as readonly string[]).includes(value)
}

export type Labels = {
  digestTitle: string
  period: string
  generatedAt: string
  quietWeek: string
  none: string
  notReported: string
  summary: string
  newAlerts: string
  casesOpened: string
  casesClosed: string
  truePositiveRate: string
  alertsSection: string
  bySeverity: string
  byRule: string
  rule: string
  severity: string
  count: string
  total: string
  casesSection: string
  disposition: string
  gradeSection: string
  upgrades: string
  downgrades: string
  newlyRated: string
  otherChanges: string
  customer: string
  fromGrade: string
  toGrade: string
  notches: string
  portfolioSection: string
  asOf: string
  customers: string
  exposedCustomers: string
  exposure: string
  hhi: string
  grade: string
  share: string
  unconverted: string
  topExposures: string
  topShare: string
  appetiteSection: string
  kind: string
  limit: string
  noBreaches: string
  overdueSection: string
  lastReviewed: string
  dueOn: string
  moreNotListed: (count: number) => string
  handbookTitle: string
  policyVersion: string
  builtInPolicy: string
  contents: string
  scaleSection: string
  scaleIntro: string
  pdBand: string
  description: string
  gradeMeaningSection: string
  actions: string
  review: string
  limitFactor: string
  watchList: string
  watchListNote: (grade: string) => string
  thresholdsSection: string
  utilisationWarning: string
  utilisationBreach: string
  downgradeAlert: (notches: number) => string
  limitSection: string
  limitIntro: (percentages: { tangibleNetWorth: number; workingCapital: number; monthlySales: number }) => string
  roundingUnit: string
  defaultTerms: (days: number) => string
  approvalSection: string
  approvalIntro: string
  approvalRule: (parts: { kind: string; band: string; grades: string; approvers: number; role: string }) => string
  upTo: (amount: string) => string
  anyAmount: string
  anyGrade: string
  forGrades: (grades: string) => string
  appetiteTitle: string
  appetiteIntro: string
  maxSingleName: string
  maxIndustry: string
  maxGroup: string
  rulesSection: string
  rulesIntro: string
  defaultPackNote: string
  expression: string
  check: string
  do: string
  tell: string
  scope: string
  every: (every: number, unit: string) => string
  severities: Record<string, string>
  dispositions: Record<string, string>
  actionNames: Record<string, string>
  roles: Record<string, string>
  requestKinds: Record<string, string>
  breachKinds: Record<string, string>
  scopes: Record<string, string>
  units: Record<string, string>
  /** Translations of the default master scale's grade descriptions. */
  gradeDescriptions: Record<string, string>
}

const EN: Labels = {
  digestTitle: 'Weekly risk digest',
  period: 'Week',
  generatedAt: 'Generated',
  quietWeek: 'A quiet week: no new alerts, no cases opened or closed and no grade changes.',
  none: 'None.',
  notReported: 'Not reported.',
  summary: 'This week at a glance',
  newAlerts: 'New alerts',
  casesOpened: 'Cases opened',
  casesClosed: 'Cases closed',
  truePositiveRate: 'Closed as true positive',
  alertsSection: 'New alerts',
  bySeverity: 'By severity',
  byRule: 'By rule',
  rule: 'Rule',
  severity: 'Severity',
  count: 'Count',
  total: 'Total',
  casesSection: 'Cases',
  disposition: 'Disposition',
  gradeSection: 'Grade changes',
  upgrades: 'Upgrades',
  downgrades: 'Downgrades',
  newlyRated: 'Rated for the first time',
  otherChanges: 'Other changes (grades not on the scale)',
  customer: 'Customer',
  fromGrade: 'From',
  toGrade: 'To',
  notches: 'Notches',
  portfolioSection: 'Portfolio at the end of the week',
  asOf: 'As of',
  customers: 'Customers',
  exposedCustomers: 'With exposure',
  exposure: 'Exposure',
  hhi: 'Concentration by customer (HHI)',
  grade: 'Grade',
  share: 'Share',
  unconverted: 'Not converted (no exchange rate)',
  topExposures: 'Largest exposures',
  topShare: 'Share of the largest exposures',
  appetiteSection: 'Risk appetite breaches',
  kind: 'Kind',
  limit: 'Limit',
  noBreaches: 'No breach of the risk appetite.',
  overdueSection: 'Reviews overdue',
  lastReviewed: 'Last assessed',
  dueOn: 'Review due',
  moreNotListed: (count) => `… and ${count} more not listed.`,
  handbookTitle: 'Risk handbook',
  policyVersion: 'Risk policy version',
  builtInPolicy: 'the built-in default policy',
  contents: 'Contents',
  scaleSection: 'The master scale',
  scaleIntro: 'Every customer is graded on this scale by its one-year probability of default (PD). A PD on a boundary belongs to the worse grade.',
  pdBand: 'PD band',
  description: 'Meaning',
  gradeMeaningSection: 'What each grade means',
  actions: 'What is done',
  review: 'Reviewed',
  limitFactor: 'Limit factor',
  watchList: 'Watch list',
  watchListNote: (grade) => `Customers graded ${grade} or worse are on the watch list.`,
  thresholdsSection: 'Alert thresholds',
  utilisationWarning: 'Utilisation (outstanding ÷ limit) warned about from',
  utilisationBreach: 'Over the limit above',
  downgradeAlert: (notches) => `A downgrade by ${notches} notches or more at once raises an alert.`,
  limitSection: 'How the credit limit is set',
  limitIntro: (p) =>
    `The recommended limit is the smallest of ${p.tangibleNetWorth} % of tangible net worth, ${p.workingCapital} % of working capital and ${p.monthlySales} % of monthly sales, times the grade's limit factor, rounded down.`,
  roundingUnit: 'Rounded down to',
  defaultTerms: (days) => `Without a contract saying otherwise, ${days} days of credit are assumed.`,
  approvalSection: 'Who approves',
  approvalIntro: 'The rules are tried in this order; the first that holds for a request decides who approves it.',
  approvalRule: ({ kind, band, grades, approvers, role }) => `${kind} ${band}, ${grades}: approved by ${approvers} ${approvers === 1 ? 'user' : 'different users'} with the role ${role}.`,
  upTo: (amount) => `up to ${amount}`,
  anyAmount: 'of any amount',
  anyGrade: 'any grade',
  forGrades: (grades) => `grades ${grades}`,
  appetiteTitle: 'Risk appetite',
  appetiteIntro: 'How concentrated the portfolio may be, as shares of the total exposure.',
  maxSingleName: 'Largest share of one customer',
  maxIndustry: 'Largest share of one industry',
  maxGroup: 'Largest share of one connected group',
  rulesSection: 'Early-warning rules and their playbooks',
  rulesIntro: 'Each active rule, what it watches for, and what to do when it fires.',
  defaultPackNote: 'No rule is active in this installation yet: these are the rules of Fengkong’s default pack.',
  expression: 'Expression',
  check: 'What to check',
  do: 'What to do',
  tell: 'Who to tell',
  scope: 'Runs',
  every: (every, unit) => `every ${every} ${unit}`,
  severities: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  dispositions: { true_positive: 'true positive', false_positive: 'false positive', not_actionable: 'not actionable', none: 'no disposition' },
  actionNames: {
    standard_terms: 'standard terms',
    monitor: 'monitor',
    require_guarantee: 'require a guarantee',
    require_collateral: 'require collateral',
    reduce_terms: 'shorten the credit terms',
    cash_in_advance: 'cash in advance',
    credit_hold: 'credit hold',
    collections: 'collections',
  },
  roles: { admin: 'admin', risk_manager: 'risk manager', analyst: 'analyst', viewer: 'viewer' },
  requestKinds: { credit_limit: 'Credit limit requests' },
  breachKinds: { single_name: 'single customer', group: 'connected group', industry: 'industry' },
  scopes: { transaction: 'on each transaction', daily: 'once a day', event: 'on an event' },
  units: { days: 'days', months: 'months' },
  gradeDescriptions: {},
}

const ZH: Labels = {
  digestTitle: '每周风险简报',
  period: '周次',
  generatedAt: '生成时间',
  quietWeek: '本周平稳：没有新预警，没有新开或关闭的案件，也没有评级变化。',
  none: '无。',
  notReported: '未提供。',
  summary: '本周概览',
  newAlerts: '新预警',
  casesOpened: '新开案件',
  casesClosed: '关闭案件',
  truePositiveRate: '确认为真实风险的比例',
  alertsSection: '新预警',
  bySeverity: '按严重程度',
  byRule: '按规则',
  rule: '规则',
  severity: '严重程度',
  count: '数量',
  total: '合计',
  casesSection: '案件',
  disposition: '处置结论',
  gradeSection: '评级变化',
  upgrades: '上调',
  downgrades: '下调',
  newlyRated: '首次评级',
  otherChanges: '其他变化（不在主标尺上的等级）',
  customer: '客户',
  fromGrade: '原等级',
  toGrade: '新等级',
  notches: '档数',
  portfolioSection: '周末组合概况',
  asOf: '截至',
  customers: '客户数',
  exposedCustomers: '有敞口的客户',
  exposure: '敞口',
  hhi: '客户集中度（HHI）',
  grade: '等级',
  share: '占比',
  unconverted: '未折算（缺少汇率）',
  topExposures: '最大敞口',
  topShare: '最大敞口合计占比',
  appetiteSection: '风险偏好超限',
  kind: '类型',
  limit: '限额',
  noBreaches: '未超出风险偏好。',
  overdueSection: '逾期未复评',
  lastReviewed: '上次评估',
  dueOn: '应复评日',
  moreNotListed: (count) => `……另有 ${count} 项未列出。`,
  handbookTitle: '风险手册',
  policyVersion: '风险政策版本',
  builtInPolicy: '内置默认政策',
  contents: '目录',
  scaleSection: '主标尺',
  scaleIntro: '每个客户按一年期违约概率（PD）在此标尺上评级。恰好落在边界上的 PD 归入较差的等级。',
  pdBand: 'PD 区间',
  description: '含义',
  gradeMeaningSection: '各等级的含义',
  actions: '处理措施',
  review: '复评频率',
  limitFactor: '额度系数',
  watchList: '观察名单',
  watchListNote: (grade) => `评级为 ${grade} 及更差的客户列入观察名单。`,
  thresholdsSection: '预警阈值',
  utilisationWarning: '额度使用率（未结金额 ÷ 额度）预警起点',
  utilisationBreach: '超过此使用率即为超限',
  downgradeAlert: (notches) => `一次下调 ${notches} 档或以上即触发预警。`,
  limitSection: '信用额度的确定',
  limitIntro: (p) => `建议额度取有形净资产的 ${p.tangibleNetWorth}%、营运资金的 ${p.workingCapital}% 与月销售额的 ${p.monthlySales}% 三者中的最小值，乘以该等级的额度系数后向下取整。`,
  roundingUnit: '向下取整至',
  defaultTerms: (days) => `合同未另行约定时，信用期按 ${days} 天计。`,
  approvalSection: '审批权限',
  approvalIntro: '按下列顺序逐条匹配，第一条适用的规则决定由谁审批。',
  approvalRule: ({ kind, band, grades, approvers, role }) => `${kind}（${band}，${grades}）：由 ${approvers} 名${role}审批。`,
  upTo: (amount) => `不超过 ${amount}`,
  anyAmount: '任意金额',
  anyGrade: '任意等级',
  forGrades: (grades) => `等级 ${grades}`,
  appetiteTitle: '风险偏好',
  appetiteIntro: '组合允许的集中程度，以占总敞口的比例表示。',
  maxSingleName: '单一客户最大占比',
  maxIndustry: '单一行业最大占比',
  maxGroup: '单一关联集团最大占比',
  rulesSection: '预警规则及处置手册',
  rulesIntro: '每条生效规则监测什么，触发后如何处理。',
  defaultPackNote: '本系统尚无生效规则：以下为风控系统默认规则包中的规则。',
  expression: '表达式',
  check: '核查内容',
  do: '处理措施',
  tell: '通知对象',
  scope: '运行时机',
  every: (every, unit) => `每 ${every} ${unit}`,
  severities: { low: '低', medium: '中', high: '高', critical: '严重' },
  dispositions: { true_positive: '真实风险', false_positive: '误报', not_actionable: '无需处理', none: '无结论' },
  actionNames: {
    standard_terms: '标准条件',
    monitor: '加强监控',
    require_guarantee: '要求担保',
    require_collateral: '要求抵押',
    reduce_terms: '缩短信用期',
    cash_in_advance: '预付现金',
    credit_hold: '冻结授信',
    collections: '催收',
  },
  roles: { admin: '管理员', risk_manager: '风险经理', analyst: '分析师', viewer: '只读用户' },
  requestKinds: { credit_limit: '信用额度申请' },
  breachKinds: { single_name: '单一客户', group: '关联集团', industry: '行业' },
  scopes: { transaction: '每笔交易', daily: '每日一次', event: '事件触发' },
  units: { days: '天', months: '个月' },
  gradeDescriptions: {
    'minimal risk': '风险极低',
    'very low risk': '风险很低',
    'low risk': '风险低',
    'moderate risk': '风险中等',
    'elevated risk': '风险偏高',
    'high risk': '风险高',
    'very high risk': '风险很高',
    'default more likely than not': '违约可能性大于不违约',
  },
}

export const LABELS: Readonly<Record<DigestLanguage, Labels>> = { en: EN, 'zh-CN': ZH }

/** The label of a code in a table of labels, else the code itself. */
export function labelOf(table: Record<string, string>, code: string): string {
  return table[code] ?? code
}

/** A text written "English / 中文" (the default pack's playbooks) in one language; a text without the separator as it is. */
export function pickLanguage(text: string, language: DigestLanguage): string {
  const parts = text.split(' / ')
  if (parts.length !== 2) return text
  return (language === 'en' ? parts[0]! : parts[1]!).trim()
}

/** A rule's name, which is either one text or { zh, en }. */
export function nameIn(name: string | { zh: string; en: string }, language: DigestLanguage): string {
  return typeof name === 'string' ? name : language === 'en' ? name.en : name.zh
}
