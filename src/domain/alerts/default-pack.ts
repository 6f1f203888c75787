import type { RuleDocument } from './rule.ts'

/**
 * The default rule pack (issue #6, item 2): the standard warning indicators as rule documents,
 * each with a playbook. Plain data, validated and compiled like any other rule; the thresholds
 * were tuned on the demo's injected patterns (`fengkong rules evaluate-demo`, docs/rules.md,
 * "Default rule pack") with one set of values for every seed.
 *
 * Amounts are minor units: `tx.amount` in the transaction's currency, `tx.reporting_amount` and
 * `f.*` in the reporting currency (CNY). The pack's version is DEFAULT_PACK_VERSION; every
 * rule's id is `default.<key>.v<version>`.
 *
 * Playbooks are lists of texts (the Rule type has no localized playbook): each item is written
 * in English, then in Chinese after " / ". Names are { zh, en }.
 */
export const DEFAULT_PACK_VERSION = 1

/** Cash deposits from this amount up are reported (CNY minor units): 50,000 CNY. */
export const CASH_REPORTING_THRESHOLD = 5_000_000

type PackRule = Omit<RuleDocument, 'id' | 'version' | 'state'>

const RULES: PackRule[] = [
  {
    key: 'large_amount',
    name: { zh: '大额交易', en: 'Large amount' },
    description: 'A transaction far above the customer’s usual amount: at least 1,000,000.00 in the reporting currency and at least 8 standard deviations above its amount baseline and 10 times its mean, once the baseline holds 30 transactions.',
    expression: 'tx.reporting_amount >= 100_000_000 && tx.amount_z >= 8 && tx.reporting_amount >= 10 * f.amount_mean && f.total_count >= 30',
    severity: 'medium',
    score: 55,
    tags: ['aml', 'amount'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 72,
    playbook: {
      check: ['the contract or invoice behind the transaction / 交易背后的合同或发票', 'the counterparty’s identity and relationship with the customer / 交易对手的身份及与客户的关系'],
      do: ['ask the relationship manager for the business reason / 请客户经理说明交易的商业理由', 'escalate to AML when no reason is given within two working days / 两个工作日内无合理解释则上报反洗钱团队'],
      tell: ['the relationship manager / 客户经理', 'the AML team / 反洗钱团队'],
    },
  },
  {
    key: 'frequency_spike',
    name: { zh: '交易频率激增', en: 'Frequency spike' },
    description: 'Twelve or more transactions in 24 hours, more than eight times the customer’s mean daily count.',
    expression: 'f.count_24h >= 12 && f.count_24h > 8 * f.daily_count_mean',
    severity: 'medium',
    score: 50,
    tags: ['aml', 'velocity'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 72,
    playbook: {
      check: ['the day’s transactions: counterparties, amounts, channels / 当日交易的对手、金额与渠道', 'whether a known business event explains the burst / 是否有已知业务事件可解释'],
      do: ['confirm the activity with the customer / 与客户核实交易活动', 'review the account for automated or scripted payments / 检查账户是否存在自动化或脚本化付款'],
      tell: ['the relationship manager / 客户经理', 'the AML team / 反洗钱团队'],
    },
  },
  {
    key: 'new_counterparty_surge',
    name: { zh: '新交易对手激增（资金归集）', en: 'New-counterparty surge (fan-in)' },
    description: 'A round amount in from a new counterparty while ten or more counterparty relationships began in the last 30 days.',
    expression: "tx.direction == 'in' && tx.is_new_counterparty && tx.is_round && f.new_counterparties >= 10",
    severity: 'high',
    score: 65,
    tags: ['aml', 'counterparty'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 168,
    playbook: {
      check: ['who the new payers are (persons or companies) and what they paid for / 新付款方是个人还是企业，付款事由', 'whether the amounts are round or alike / 金额是否为整数或相近'],
      do: ['ask the customer for the sales records behind the receipts / 要求客户提供收款对应的销售记录', 'file a suspicious-activity report when no trade explains them / 无贸易背景时提交可疑交易报告'],
      tell: ['the AML team / 反洗钱团队', 'the relationship manager / 客户经理'],
    },
  },
  {
    key: 'structuring',
    name: { zh: '拆分交易（规避大额报告）', en: 'Structuring' },
    description: `A cash deposit of 90–100% of the reporting threshold (${CASH_REPORTING_THRESHOLD / 100} CNY). Ordinary cash stays below 60% of it; the suppression window of 5 days folds the repeats of one episode into one alert.`,
    expression: "tx.is_cash && tx.direction == 'in' && tx.amount >= 4_500_000 && tx.amount < 5_000_000 && tx.currency == 'CNY'",
    severity: 'high',
    score: 75,
    tags: ['aml', 'cash', 'structuring'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 120,
    playbook: {
      check: ['every cash deposit of the last 30 days, branch and depositor / 近30天全部现金存款、网点及存款人', 'whether the deposits add up above the threshold / 合计金额是否超过报告门槛'],
      do: ['file a suspicious-activity report / 提交可疑交易报告', 'do not tip off the customer / 不得向客户透露'],
      tell: ['the AML officer / 反洗钱负责人'],
    },
  },
  {
    key: 'dormant_reactivation',
    name: { zh: '休眠账户激活', en: 'Dormant reactivation' },
    description: 'The first transaction after 60 days or more without any.',
    expression: 'tx.gap_days >= 60',
    severity: 'medium',
    score: 50,
    tags: ['aml', 'dormancy'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 168,
    playbook: {
      check: ['why the account was silent and who operates it now / 账户沉寂原因及当前操作人', 'the size of the new transactions against the customer’s history / 新交易规模与历史对比'],
      do: ['re-verify the customer’s identity and ownership / 重新核实客户身份与股权', 'hold new credit until the review is done / 复核完成前暂停新增授信'],
      tell: ['the relationship manager / 客户经理', 'the AML team / 反洗钱团队'],
    },
  },
  {
    key: 'rapid_in_and_out',
    name: { zh: '快进快出', en: 'Rapid in-and-out' },
    description: 'A sizeable payment (15% or more of the 30 days’ largest amount) out to a new counterparty while the last 7 days’ inflows and outflows both reach 60% of that largest amount, itself at least 8 times the mean amount: money passing straight through.',
    expression: "tx.direction == 'out' && tx.is_new_counterparty && tx.reporting_amount >= 0.15 * f.largest_amount_30d && f.largest_amount_30d >= 8 * f.amount_mean && f.sum_out_7d >= 0.6 * f.largest_amount_30d && f.sum_in_7d >= 0.6 * f.largest_amount_30d",
    severity: 'high',
    score: 70,
    tags: ['aml', 'pass-through'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 168,
    playbook: {
      check: ['the inflow’s payer and the outflows’ payees / 大额流入的付款方与流出的收款方', 'how long the money stayed / 资金停留时间'],
      do: ['ask the customer for the underlying contracts / 要求客户提供相关合同', 'file a suspicious-activity report when it looks like a pass-through / 疑似过渡账户时提交可疑交易报告'],
      tell: ['the AML team / 反洗钱团队', 'the relationship manager / 客户经理'],
    },
  },
  {
    key: 'round_tripping',
    name: { zh: '资金回流', en: 'Round-tripping' },
    description: 'A large inflow (at least 5 times the mean amount) from a new counterparty, slightly smaller (by at most 8%) than the 30 days’ largest amount, within 7 days of outflows adding up to 90% of it: money sent out coming back from someone else. Approximation: the catalogue cannot tell that the outflow went to a related party, so "out, then back from a new party" stands for the cycle.',
    expression: "tx.direction == 'in' && tx.is_new_counterparty && tx.reporting_amount >= 5 * f.amount_mean && f.largest_amount_30d > tx.reporting_amount && f.largest_amount_30d <= 1.08 * tx.reporting_amount && f.sum_out_7d >= 0.9 * tx.reporting_amount",
    severity: 'high',
    score: 70,
    tags: ['aml', 'related-party'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 168,
    playbook: {
      check: ['where the outflow went (a related company?) and who sent the money back / 流出去向（是否关联方）及回款方', 'the trade documents of the “sale” / 该“销售”的贸易单据'],
      do: ['map the group’s accounts involved / 梳理涉及的集团内账户', 'treat revenue from the cycle as unproven in the credit review / 授信复核中不认可该循环产生的收入'],
      tell: ['the AML team / 反洗钱团队', 'the credit analyst / 信贷分析师'],
    },
  },
  {
    key: 'high_risk_country',
    name: { zh: '高风险国家或地区', en: 'High-risk country' },
    description: 'A transaction of 10,000.00 or more (reporting currency) with a counterparty in a FATF high-risk or monitored jurisdiction.',
    expression: 'tx.is_high_risk_country && tx.reporting_amount >= 1_000_000',
    severity: 'high',
    score: 65,
    tags: ['aml', 'sanctions', 'country'],
    scope: 'transaction',
    dedupeKey: '{customer.id}:{tx.counterparty_country}:{rule.key}',
    suppressionHours: 720,
    playbook: {
      check: ['the counterparty against the sanctions lists / 交易对手是否在制裁名单', 'the goods or services and their route / 货物或服务及其路线'],
      do: ['apply enhanced due diligence / 执行强化尽职调查', 'block the payment if a sanctions hit is confirmed / 确认命中制裁时拦截付款'],
      tell: ['the compliance officer / 合规负责人', 'the relationship manager / 客户经理'],
    },
  },
  {
    key: 'bureau_score_drop',
    name: { zh: '征信评分骤降', en: 'Bureau score drop' },
    description: 'The bureau score fell 50 points or more between two reports in the last 30 days.',
    expression: 'bureau.score_drop >= 50',
    severity: 'high',
    score: 70,
    tags: ['credit', 'bureau'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 2_160,
    playbook: {
      check: ['the bureau report: new defaults, judgments, enquiries / 征信报告中的新增违约、诉讼与查询', 'the customer’s recent payments to us / 客户近期对我司的付款'],
      do: ['run a credit review / 启动信用复核', 'consider reducing the limit / 考虑下调额度'],
      tell: ['the credit analyst / 信贷分析师', 'the relationship manager / 客户经理'],
    },
  },
  {
    key: 'rating_downgrade',
    name: { zh: '评级下调', en: 'Rating downgrade' },
    description: 'Our rating of the customer was downgraded, or the bureau downgraded its rating and reported a new default.',
    expression: 'rating.downgraded || (bureau.rating_downgrade && bureau.new_default)',
    severity: 'high',
    score: 65,
    tags: ['credit', 'rating'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 2_160,
    playbook: {
      check: ['what drove the downgrade: financials, behaviour, bureau / 下调原因：财务、行为或征信', 'exposure and collateral / 敞口与担保'],
      do: ['review the limit and the terms / 复核额度与账期', 'move the customer to the watchlist / 将客户列入关注名单'],
      tell: ['the credit committee / 信贷委员会', 'the relationship manager / 客户经理'],
    },
  },
  {
    key: 'dpd_30',
    name: { zh: '逾期超过30天', en: 'Days past due > 30' },
    description: 'An open invoice more than 30 days past due.',
    expression: 'receivables.max_dpd > 30',
    severity: 'medium',
    score: 55,
    tags: ['credit', 'receivables', 'dpd'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 720,
    playbook: {
      check: ['the overdue invoices and any dispute on them / 逾期发票及是否存在争议', 'the customer’s other payments / 客户的其他付款情况'],
      do: ['call the customer’s finance contact / 联系客户财务人员', 'agree a payment date in writing / 书面约定付款日期'],
      tell: ['collections / 催收团队', 'the relationship manager / 客户经理'],
    },
  },
  {
    key: 'dpd_90',
    name: { zh: '逾期超过90天', en: 'Days past due > 90' },
    description: 'An open invoice more than 90 days past due.',
    expression: 'receivables.max_dpd > 90',
    severity: 'critical',
    score: 85,
    tags: ['credit', 'receivables', 'dpd'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 720,
    playbook: {
      check: ['collateral and guarantees / 抵押与担保', 'signs of insolvency / 破产迹象'],
      do: ['put the account on credit hold / 冻结新增赊销', 'start formal recovery and provision the receivable / 启动正式追偿并计提坏账准备'],
      tell: ['the credit committee / 信贷委员会', 'legal / 法务', 'finance / 财务'],
    },
  },
  {
    key: 'utilisation_90',
    name: { zh: '额度使用率超过90%', en: 'Limit utilisation > 90%' },
    description: 'Outstanding receivables above 90% of the credit limit, up to the whole limit.',
    expression: 'receivables.utilisation > 0.9 && receivables.utilisation <= 1',
    severity: 'low',
    score: 35,
    tags: ['credit', 'limit'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 720,
    playbook: {
      check: ['upcoming orders and due invoices / 即将发生的订单与到期发票', 'whether the limit still fits the customer’s size / 额度是否仍与客户规模相符'],
      do: ['ask for payment of due invoices before new orders / 新订单前催收到期款项', 'propose a limit review if the growth is sound / 业务增长合理时提出额度复核'],
      tell: ['the relationship manager / 客户经理', 'sales / 销售'],
    },
  },
  {
    key: 'utilisation_100',
    name: { zh: '超额度', en: 'Limit utilisation > 100%' },
    description: 'Outstanding receivables above the credit limit.',
    expression: 'receivables.utilisation > 1',
    severity: 'high',
    score: 70,
    tags: ['credit', 'limit'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 720,
    playbook: {
      check: ['who approved the sales above the limit / 超额销售由谁审批', 'overdue amounts / 逾期金额'],
      do: ['hold new credit sales until under the limit / 额度恢复前暂停赊销', 'escalate a temporary excess for approval / 临时超额提交审批'],
      tell: ['the credit manager / 信贷经理', 'sales / 销售'],
    },
  },
  {
    key: 'zscore_distress',
    name: { zh: 'Z值进入困境区', en: 'Z-score in distress' },
    description: 'The latest statements put the Altman Z-score in the distress zone. The context has no previous zone, so "into distress" is approximated by a year-long suppression: one alert per customer per year while it stays there.',
    expression: "zscore.zone == 'distress'",
    severity: 'high',
    score: 70,
    tags: ['credit', 'financials'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 8_760,
    playbook: {
      check: ['the statements behind the score: losses, working capital, leverage / 评分所依据的报表：亏损、营运资金、杠杆', 'whether newer figures exist / 是否有更新的财务数据'],
      do: ['run a full credit review / 开展全面信用复核', 'ask for security or shorter terms / 要求增加担保或缩短账期'],
      tell: ['the credit analyst / 信贷分析师', 'the credit committee / 信贷委员会'],
    },
  },
  {
    key: 'single_name_concentration',
    name: { zh: '单一客户集中度超限', en: 'Single-name concentration breach' },
    description: 'The customer holds more of the portfolio’s outstanding receivables (in the reporting currency) than the risk appetite allows one name: the active risk policy’s riskAppetite.maxSingleNameShare, 10% by default. Once a month per customer while it stays above.',
    expression: 'portfolio.exposure_share > portfolio.max_single_name_share',
    severity: 'high',
    score: 60,
    tags: ['credit', 'concentration', 'portfolio'],
    scope: 'daily',
    dedupeKey: '{customer.id}:{rule.key}',
    suppressionHours: 720,
    playbook: {
      check: [
        'how far above the limit the share is and why it grew: new invoices or slow payments / 占比超出限额多少及其成因：新增发票还是回款放缓',
        'the exposure of the customer’s group and related parties / 客户所属集团及关联方的敞口',
        'collateral, guarantees and credit insurance covering the exposure / 覆盖该敞口的抵押、担保与信用保险',
      ],
      do: [
        'stop raising the limit; new credit sales above the share need approval / 暂停提额，超出占比部分的新增赊销须经审批',
        'agree a plan to bring the share under the limit: collections, shorter terms, insurance or risk transfer / 制定压降计划：催收、缩短账期、投保或风险转移',
        'record an approved exception when the business accepts the concentration / 业务接受该集中度时登记经审批的例外',
      ],
      tell: ['the credit committee / 信贷委员会', 'the portfolio manager / 组合管理人', 'the relationship manager / 客户经理'],
    },
  },
]

/** The pack as documents in state `active`, version DEFAULT_PACK_VERSION. */
export const DEFAULT_RULE_PACK: readonly RuleDocument[] = Object.freeze(
  RULES.map((rule): RuleDocument => ({ id: `default.${rule.key}.v${DEFAULT_PACK_VERSION}`, version: DEFAULT_PACK_VERSION, state: 'active', ...rule })),
)

/**
 * Which injected demo patterns (src/demo/activity, PatternKind) each rule of the pack is meant to
 * find, for compareWithGroundTruth. Rules not listed watch for something the demo does not
 * inject (a high-risk country, credit-limit use, a Z-score, an internal rating, concentration): their alerts are
 * reported but not judged.
 */
export const DEFAULT_PACK_TARGETS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  large_amount: ['rapid_in_out', 'round_tripping', 'dormant_reactivation'],
  frequency_spike: ['velocity_spike'],
  new_counterparty_surge: ['fan_in'],
  structuring: ['structuring'],
  dormant_reactivation: ['dormant_reactivation'],
  rapid_in_and_out: ['rapid_in_out'],
  round_tripping: ['round_tripping'],
  bureau_score_drop: ['bureau_downgrade'],
  rating_downgrade: ['bureau_downgrade'],
  dpd_30: ['deteriorating_payments'],
  dpd_90: ['deteriorating_payments'],
})
