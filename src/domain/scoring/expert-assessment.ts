/**
 * Expert (qualitative) assessment: an analyst answers a configurable questionnaire, each
 * answer option carries a score 0–100, and the answers roll up into a score 0–100.
 *
 * A dimension's score is the weighted mean of its answered questions; the questionnaire's
 * score is the weighted mean of the dimensions that have at least one answer (their weights
 * renormalised). Unanswered questions are listed in `missing`, never counted as 0.
 * Also here: an industry risk table over GB/T 4754-2017 sections.
 */

/** A plain string, or the zh-CN and en texts. */
export type LocalisedText = string | { zh: string; en: string }

export type AnswerOption = { key: string; label: LocalisedText; score: number }
export type Question = { key: string; text: LocalisedText; weight: number; options: readonly AnswerOption[] }
export type Dimension = { key: string; label: LocalisedText; weight: number; questions: readonly Question[] }
export type Questionnaire = { id: string; version: number; dimensions: readonly Dimension[] }

/** Question key → the chosen option's key. */
export type Answers = Readonly<Record<string, string>>

export type DimensionScore = {
  key: string
  /** Null when none of its questions was answered. */
  score: number | null
  answered: number
  of: number
}

export type ExpertAssessment = {
  /** 0–100; null when nothing was answered. */
  score: number | null
  dimensions: DimensionScore[]
  /** Questions without a valid answer, in questionnaire order. */
  missing: string[]
  /** Answers naming an unknown question or option. */
  problems: string[]
}

/** What is wrong with a questionnaire, one sentence each; empty when it can be used. */
export function validateQuestionnaire(questionnaire: Questionnaire): string[] {
  const problems: string[] = []
  const isPositive = (weight: number) => Number.isFinite(weight) && weight > 0
  const dimensionKeys = new Set<string>()
  const questionKeys = new Set<string>()
  for (const dimension of questionnaire.dimensions) {
    const where = `dimension ${dimension.key}`
    if (dimensionKeys.has(dimension.key)) problems.push(`${where} appears more than once`)
    dimensionKeys.add(dimension.key)
    if (!isPositive(dimension.weight)) problems.push(`${where}: weight must be positive, is ${dimension.weight}`)
    if (dimension.questions.length === 0) problems.push(`${where} has no questions`)
    for (const question of dimension.questions) {
      const at = `question ${question.key}`
      if (questionKeys.has(question.key)) problems.push(`${at} appears more than once`)
      questionKeys.add(question.key)
      if (!isPositive(question.weight)) problems.push(`${at}: weight must be positive, is ${question.weight}`)
      if (question.options.length === 0) problems.push(`${at} has no options`)
      const optionKeys = new Set<string>()
      for (const option of question.options) {
        if (optionKeys.has(option.key)) problems.push(`${at}: option ${option.key} appears more than once`)
        optionKeys.add(option.key)
        if (!(Number.isFinite(option.score) && option.score >= 0 && option.score <= 100)) {
          problems.push(`${at}: option ${option.key} scores ${option.score}, outside 0–100`)
        }
      }
    }
  }
  return problems
}

/** Scores answers to a questionnaire that validateQuestionnaire accepts. */
export function scoreAnswers(questionnaire: Questionnaire, answers: Answers): ExpertAssessment {
  const problems: string[] = []
  const missing: string[] = []
  const known = new Set(questionnaire.dimensions.flatMap((d) => d.questions.map((q) => q.key)))
  for (const key of Object.keys(answers)) if (!known.has(key)) problems.push(`unknown question ${key}`)

  const dimensions = questionnaire.dimensions.map((dimension): DimensionScore => {
    let weighted = 0
    let weights = 0
    let answered = 0
    for (const question of dimension.questions) {
      const chosen = Object.hasOwn(answers, question.key) ? answers[question.key]! : null
      const option = chosen === null ? undefined : question.options.find((o) => o.key === chosen)
      if (chosen !== null && !option) problems.push(`question ${question.key}: unknown option ${chosen}`)
      if (!option) {
        missing.push(question.key)
        continue
      }
      weighted += question.weight * option.score
      weights += question.weight
      answered += 1
    }
    return { key: dimension.key, score: answered === 0 ? null : weighted / weights, answered, of: dimension.questions.length }
  })

  let weighted = 0
  let weights = 0
  questionnaire.dimensions.forEach((dimension, i) => {
    const score = dimensions[i]!.score
    if (score === null) return
    weighted += dimension.weight * score
    weights += dimension.weight
  })
  return { score: weights === 0 ? null : weighted / weights, dimensions, missing, problems }
}

const option = (key: string, zh: string, en: string, score: number): AnswerOption => ({ key, label: { zh, en }, score })
const question = (key: string, zh: string, en: string, options: AnswerOption[], weight = 1): Question => ({ key, text: { zh, en }, weight, options })

/** Three levels most questions share. */
const goodFairPoor = (good: [string, string], fair: [string, string], poor: [string, string]) => [
  option('good', ...good, 100),
  option('fair', ...fair, 60),
  option('poor', ...poor, 20),
]

/** A starting questionnaire; copy and change it (a new version) rather than editing answers' meaning. */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = {
  id: 'fengkong-expert-default',
  version: 1,
  dimensions: [
    {
      key: 'management',
      label: { zh: '管理层', en: 'Management' },
      weight: 25,
      questions: [
        question('managementExperience', '管理层在本行业的经验', "Management's experience in the industry", goodFairPoor(['十年以上', 'More than 10 years'], ['三至十年', '3 to 10 years'], ['少于三年', 'Less than 3 years'])),
        question('managementIntegrity', '管理层诚信记录', "Management's integrity record", goodFairPoor(['无不良记录', 'Clean'], ['有轻微问题', 'Minor issues'], ['有严重问题', 'Serious issues']), 2),
        question('financialReporting', '财务报告的质量与及时性', 'Quality and timeliness of financial reporting', goodFairPoor(['经审计且及时', 'Audited and on time'], ['未经审计', 'Unaudited'], ['缺失或迟交', 'Missing or late'])),
        question('succession', '继任安排', 'Succession planning', goodFairPoor(['明确', 'Clear'], ['部分', 'Partial'], ['无', 'None'])),
      ],
    },
    {
      key: 'marketPosition',
      label: { zh: '市场地位', en: 'Market position' },
      weight: 20,
      questions: [
        question('marketShare', '市场份额', 'Market share', goodFairPoor(['领先', 'Leading'], ['中等', 'Average'], ['较小', 'Small'])),
        question('customerConcentration', '客户集中度', 'Customer concentration', goodFairPoor(['分散', 'Diversified'], ['适中', 'Moderate'], ['高度集中', 'Highly concentrated'])),
        question('productDifferentiation', '产品或服务的差异化', 'Product or service differentiation', goodFairPoor(['强', 'Strong'], ['一般', 'Some'], ['无', 'None'])),
      ],
    },
    {
      key: 'industryOutlook',
      label: { zh: '行业前景', en: 'Industry outlook' },
      weight: 20,
      questions: [
        question('industryGrowth', '行业增长趋势', 'Industry growth trend', goodFairPoor(['增长', 'Growing'], ['平稳', 'Stable'], ['萎缩', 'Declining'])),
        question('cyclicality', '行业周期性', 'Cyclicality', goodFairPoor(['低', 'Low'], ['中', 'Medium'], ['高', 'High'])),
        question('regulatoryPressure', '政策与监管压力', 'Policy and regulatory pressure', goodFairPoor(['有利', 'Supportive'], ['中性', 'Neutral'], ['不利', 'Adverse'])),
      ],
    },
    {
      key: 'legal',
      label: { zh: '法律合规', en: 'Legal and compliance' },
      weight: 20,
      questions: [
        question('litigation', '涉诉情况', 'Litigation', goodFairPoor(['无', 'None'], ['少量且金额小', 'Few and small'], ['重大', 'Material'])),
        question('enforcementRecords', '被执行人或失信记录', 'Enforcement or dishonest-debtor records', [option('none', '无', 'None', 100), option('past', '已结清的历史记录', 'Settled in the past', 50), option('current', '现有记录', 'Current', 0)], 2),
        question('licences', '经营资质', 'Business licences and permits', goodFairPoor(['齐全有效', 'Complete and valid'], ['部分待续期', 'Some pending renewal'], ['缺失', 'Missing'])),
      ],
    },
    {
      key: 'relationship',
      label: { zh: '合作关系', en: 'Relationship' },
      weight: 15,
      questions: [
        question('relationshipYears', '合作年限', 'Years of relationship', goodFairPoor(['五年以上', 'More than 5 years'], ['一至五年', '1 to 5 years'], ['新客户', 'New customer'])),
        question('paymentHistory', '历史付款表现', 'Payment history with us', goodFairPoor(['按时', 'On time'], ['偶有逾期', 'Occasionally late'], ['经常逾期', 'Often late']), 2),
        question('communication', '沟通与信息透明度', 'Communication and transparency', goodFairPoor(['良好', 'Good'], ['一般', 'Fair'], ['差', 'Poor'])),
      ],
    },
  ],
}

/** 1 = lowest risk, 5 = highest. */
export type IndustryRiskLevel = 1 | 2 | 3 | 4 | 5

/** GB/T 4754 section letter (A–T) → its name and risk level. */
export type IndustryRiskTable = Readonly<Record<string, { label: LocalisedText; level: IndustryRiskLevel }>>

/**
 * A judgemental starting point over the GB/T 4754-2017 sections, not a calibrated model:
 * replace the levels with your portfolio's experience.
 */
export const DEFAULT_INDUSTRY_RISK: IndustryRiskTable = {
  A: { label: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' }, level: 4 },
  B: { label: { zh: '采矿业', en: 'Mining' }, level: 4 },
  C: { label: { zh: '制造业', en: 'Manufacturing' }, level: 3 },
  D: { label: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water supply' }, level: 2 },
  E: { label: { zh: '建筑业', en: 'Construction' }, level: 4 },
  F: { label: { zh: '批发和零售业', en: 'Wholesale and retail trade' }, level: 3 },
  G: { label: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' }, level: 3 },
  H: { label: { zh: '住宿和餐饮业', en: 'Accommodation and catering' }, level: 4 },
  I: { label: { zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' }, level: 2 },
  J: { label: { zh: '金融业', en: 'Finance' }, level: 3 },
  K: { label: { zh: '房地产业', en: 'Real estate' }, level: 5 },
  L: { label: { zh: '租赁和商务服务业', en: 'Leasing and business services' }, level: 3 },
  M: { label: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' }, level: 2 },
  N: { label: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities management' }, level: 2 },
  O: { label: { zh: '居民服务、修理和其他服务业', en: 'Household services, repair and other services' }, level: 3 },
  P: { label: { zh: '教育', en: 'Education' }, level: 2 },
  Q: { label: { zh: '卫生和社会工作', en: 'Health and social work' }, level: 2 },
  R: { label: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' }, level: 4 },
  S: { label: { zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' }, level: 1 },
  T: { label: { zh: '国际组织', en: 'International organisations' }, level: 1 },
}

/** The GB/T 4754-2017 section letters, A–T. */
export const INDUSTRY_SECTIONS: readonly string[] = Object.keys(DEFAULT_INDUSTRY_RISK)

export type IndustryRiskTableProblem = { section: string | null; message: string }

/**
 * What is wrong with an industry risk table, one problem each; empty when it can be used. A
 * table may leave sections out (their customers get the default level 3, with the reason).
 */
export function validateIndustryRiskTable(table: IndustryRiskTable): IndustryRiskTableProblem[] {
  const problems: IndustryRiskTableProblem[] = []
  const sections = Object.keys(table)
  if (sections.length === 0) problems.push({ section: null, message: 'must give a level to at least one section' })
  for (const section of sections) {
    if (!INDUSTRY_SECTIONS.includes(section)) problems.push({ section, message: `is not a GB/T 4754-2017 section: use one of ${INDUSTRY_SECTIONS.join(', ')}` })
    const level = table[section]!.level as number
    if (!(Number.isInteger(level) && level >= 1 && level <= 5)) problems.push({ section, message: `level must be an integer from 1 to 5, is ${level}` })
  }
  return problems
}

export type IndustryRisk = {
  /** The section letter found in the table, or null. */
  section: string | null
  level: IndustryRiskLevel
  label: LocalisedText | null
  /** Why the level is the default 3. */
  reason: string | null
}

/** The risk level of an industry code ("C", "C3311", "c 33"), by its first letter; unknown → 3 with the reason. */
export function industryRiskFor(code: string | null | undefined, table: IndustryRiskTable = DEFAULT_INDUSTRY_RISK): IndustryRisk {
  const section = (code ?? '').trim().charAt(0).toUpperCase()
  if (section === '') return { section: null, level: 3, label: null, reason: 'no industry code: assumed medium risk (3)' }
  const entry = Object.hasOwn(table, section) ? table[section]! : null
  if (!entry) return { section: null, level: 3, label: null, reason: `industry code ${code} does not start with a section letter in the table: assumed medium risk (3)` }
  return { section, level: entry.level, label: entry.label, reason: null }
}
