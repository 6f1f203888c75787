import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCreateRule } from '../api/alert-queries.ts'
import { ApiError, type ErrorDetail } from '../api/client.ts'
import type { RuleScope, RuleSeverity, StoredRule } from '../api/types.ts'
import { placeFieldErrors, type FieldName } from '../forms/field-errors.ts'
import { translateDetail } from '../forms/translate-detail.ts'
import { dottedPath, parseExpressionProblem } from './expression-problem.ts'
import { EMPTY_RULE, toFormValues, toRuleInput, type RuleFormValues } from './rule-form-values.ts'
import { RuleBacktest } from './rule-backtest.tsx'
import { useLiveRuleCheck, type LiveCheckState } from './live-rule-check.ts'
import { ProblemAlert, type FormProblem } from '../forms/problem-alert.tsx'

const SEVERITIES: RuleSeverity[] = ['low', 'medium', 'high', 'critical']
const SCOPES: RuleScope[] = ['transaction', 'daily', 'event']
const FIELDS: FieldName[] = [
  'key',
  ['name', 'zh'],
  ['name', 'en'],
  'description',
  'expression',
  'severity',
  'score',
  'tags',
  'scope',
  'dedupeKey',
  'suppressionHours',
  ['playbook', 'check'],
  ['playbook', 'do'],
  ['playbook', 'tell'],
]
/** Fields whose problems the server places at a line and column. */
const POSITIONED = new Set(['expression', 'dedupeKey'])

type Props = {
  open: boolean
  /** The version to start from (saving writes the key's next version), or null for a new rule. */
  rule: StoredRule | null
  onClose: () => void
  onSaved: (rule: StoredRule) => void
}

/**
 * Writes a rule document and saves it as a draft. The server checks it and answers a 400 with
 * every problem; each lands on its field, an expression's with its line and column.
 */
export function RuleEditorDrawer({ open, rule, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<RuleFormValues>()
  const save = useCreateRule()
  const [problem, setProblem] = useState<FormProblem | null>(null)

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(rule ? toFormValues(rule.document) : EMPTY_RULE)
    setProblem(null)
  }, [open, rule, form])

  const say = (detail: ErrorDetail): ErrorDetail => {
    const path = dottedPath(detail.path)
    if (!POSITIONED.has(path)) return { path, message: translateDetail(detail.message, t) }
    const parsed = parseExpressionProblem(detail.message)
    return { path, message: parsed.line === null ? parsed.reason : t('rules.editor.atPosition', { line: parsed.line, column: parsed.column, reason: parsed.reason }) }
  }
  const live = useLiveRuleCheck(form, say)

  function submit(values: RuleFormValues) {
    setProblem(null)
    save.mutate(toRuleInput(values), {
      onSuccess: (saved) => {
        void message.success(t('rules.editor.saved', { key: saved.key, version: saved.version }))
        onSaved(saved)
        onClose()
      },
      onError: (error) => {
        if (!(error instanceof ApiError)) return setProblem({ message: error.message, details: [] })
        const placed = placeFieldErrors(error.details.map(say), FIELDS)
        form.setFields(placed.fields as Parameters<typeof form.setFields>[0])
        setProblem({ message: placed.fields.length > 0 ? t('rules.editor.invalid') : error.message, details: placed.general })
      },
    })
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      forceRender
      title={rule ? t('rules.editor.newVersion', { key: rule.key, version: rule.version }) : t('rules.editor.create')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="rule-save">
            {t('rules.editor.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert problem={problem} testId="rule-problem" />
      <Form<RuleFormValues> form={form} layout="vertical" onFinish={submit} onValuesChange={live.onValuesChange} initialValues={EMPTY_RULE} disabled={save.isPending}>
        <Form.Item name="key" label={t('rules.key')} extra={t('rules.editor.keyHint')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={64} disabled={rule !== null} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['name', 'zh']} label={t('rules.editor.nameZh')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['name', 'en']} label={t('rules.editor.nameEn')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('rules.editor.description')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="expression" label={t('rules.editor.expression')} extra={<ExpressionHint state={live.state} />} rules={[{ required: true, whitespace: true, message: t('validation.required') }]} data-testid="rule-expression">
          <Input.TextArea rows={4} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="severity" label={t('alerts.severity.title')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={SEVERITIES.map((value) => ({ value, label: t(`alerts.severity.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="score" label={t('alerts.score')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="scope" label={t('rules.scope.title')} rules={[{ required: true, message: t('validation.required') }]}>
              <Select options={SCOPES.map((value) => ({ value, label: t(`rules.scope.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tags" label={t('fields.tags')}>
          <Select mode="tags" tokenSeparators={[',']} open={false} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="dedupeKey" label={t('rules.editor.dedupeKey')} extra={t('rules.editor.dedupeKeyHint')}>
              <Input style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="suppressionHours" label={t('rules.editor.suppressionHours')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber min={0} max={8760} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {(['check', 'do', 'tell'] as const).map((part) => (
          <Form.Item key={part} name={['playbook', part]} label={t(`cases.playbook.${part}`)} extra={t('rules.editor.onePerLine')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        ))}
      </Form>
      <RuleBacktest getRule={async () => toRuleInput(await form.validateFields())} />
    </Drawer>
  )
}

/** Under the expression: the language's hint, or what the live check says of the text so far. */
function ExpressionHint({ state }: { state: LiveCheckState }) {
  const { t } = useTranslation()
  if (state === 'valid') return <span style={{ color: 'var(--ant-color-success, #52c41a)' }} data-testid="rule-expression-valid">✓ {t('rules.editor.expressionValid')}</span>
  if (state === 'checking') return <span>{t('rules.editor.checking')}</span>
  return <span>{t('rules.editor.expressionHint')}</span>
}
