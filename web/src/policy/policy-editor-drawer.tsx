import { Alert, App, Button, Drawer, Input, InputNumber, Select, Space, Table, Tabs, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client.ts'
import { useUpdatePolicyDraft, type MasterScaleGrade, type PolicyVersion, type RiskPolicy } from '../api/policy-queries.ts'
import { parsePolicyText, policyText, withGrade, withReviewFrequency } from './policy-editing.ts'
import { ProblemAlert, type FormProblem } from '../forms/problem-alert.tsx'

type Props = { version: PolicyVersion | null; onClose: () => void }

/**
 * Edits a draft: forms for the master scale and the review frequencies, and the whole document
 * as JSON. The server validates on save; its errors name each field (document.masterScale.grades[3].lower).
 */
export function PolicyEditorDrawer({ version, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const save = useUpdatePolicyDraft()
  const [policy, setPolicy] = useState<RiskPolicy | null>(null)
  const [text, setText] = useState('')
  const [jsonError, setJsonError] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<FormProblem | null>(null)

  useEffect(() => {
    if (!version) return
    setPolicy(version.document)
    setText(policyText(version.document))
    setJsonError(null)
    setNote(version.note ?? '')
    setProblem(null)
  }, [version])

  /** A change from a form: the JSON follows. */
  const edit = (next: RiskPolicy) => {
    setPolicy(next)
    setText(policyText(next))
    setJsonError(null)
  }
  /** A change of the JSON: the forms follow while it parses. */
  const editText = (next: string) => {
    setText(next)
    const parsed = parsePolicyText(next)
    if ('policy' in parsed) {
      setPolicy(parsed.policy)
      setJsonError(null)
    } else setJsonError(parsed.error)
  }

  const submit = () => {
    if (!version || !policy || jsonError) return
    setProblem(null)
    save.mutate(
      { id: version.id, document: policy, note: note.trim() === '' ? null : note },
      {
        onSuccess: () => {
          void message.success(t('policy.editor.saved', { version: version.version }))
          onClose()
        },
        onError: (error) => setProblem({ message: error instanceof ApiError && error.details.length > 0 ? t('policy.editor.invalid') : error.message, details: error instanceof ApiError ? error.details : [] }),
      },
    )
  }

  const grades = policy?.masterScale.grades ?? []
  return (
    <Drawer
      open={version !== null}
      onClose={onClose}
      size={860}
      title={version ? t('policy.editor.title', { version: version.version }) : ''}
      extra={
        <Space>
          <Button onClick={onClose}>{t('actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={jsonError !== null} onClick={submit} data-testid="policy-save">
            {t('actions.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert problem={problem} testId="policy-problem" />
      <Typography.Text type="secondary">{t('policy.editor.note')}</Typography.Text>
      <Input.TextArea value={note} onChange={(event) => setNote(event.target.value)} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} style={{ marginBottom: 16 }} data-testid="policy-note" />
      {policy && (
        <Tabs
          items={[
            {
              key: 'scale',
              label: t('policy.editor.masterScale'),
              children: (
                <>
                  <Space style={{ marginBottom: 12 }}>
                    <Typography.Text>{t('policy.editor.scaleVersion')}</Typography.Text>
                    <Input value={policy.masterScale.version} onChange={(event) => edit({ ...policy, masterScale: { ...policy.masterScale, version: event.target.value } })} style={{ width: 260 }} data-testid="policy-scale-version" />
                  </Space>
                  <Table<MasterScaleGrade & { index: number }>
                    rowKey="index"
                    size="small"
                    pagination={false}
                    dataSource={grades.map((grade, index) => ({ ...grade, index }))}
                    columns={[
                      { title: t('policy.document.grade'), dataIndex: 'grade' },
                      { title: t('policy.editor.lower'), dataIndex: 'lower' },
                      {
                        title: t('policy.editor.upper'),
                        key: 'upper',
                        render: (_, g) =>
                          g.index === grades.length - 1 ? (
                            g.upper
                          ) : (
                            <InputNumber value={g.upper} min={0} max={1} step={0.0001} onChange={(value) => value !== null && edit(withGrade(policy, g.index, { upper: value }))} data-testid={`policy-upper-${g.grade}`} />
                          ),
                      },
                      { title: t('policy.document.description'), key: 'description', render: (_, g) => <Input value={g.description} onChange={(event) => edit(withGrade(policy, g.index, { description: event.target.value }))} /> },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'review',
              label: t('policy.editor.reviewFrequency'),
              children: (
                <Table<MasterScaleGrade>
                  rowKey="grade"
                  size="small"
                  pagination={false}
                  dataSource={grades}
                  columns={[
                    { title: t('policy.document.grade'), dataIndex: 'grade' },
                    {
                      title: t('policy.editor.every'),
                      key: 'every',
                      render: (_, g) => (
                        <Space>
                          <InputNumber value={policy.reviewFrequencyPerGrade[g.grade]?.every} min={1} precision={0} onChange={(value) => value !== null && edit(withReviewFrequency(policy, g.grade, { every: value }))} data-testid={`policy-review-${g.grade}`} />
                          <Select
                            value={policy.reviewFrequencyPerGrade[g.grade]?.unit}
                            style={{ width: 120 }}
                            onChange={(unit) => edit(withReviewFrequency(policy, g.grade, { unit }))}
                            options={[
                              { value: 'days', label: t('policy.editor.days') },
                              { value: 'months', label: t('policy.editor.months') },
                            ]}
                          />
                        </Space>
                      ),
                    },
                  ]}
                />
              ),
            },
            {
              key: 'json',
              label: t('policy.editor.json'),
              children: (
                <>
                  {jsonError && <Alert type="warning" showIcon title={t('policy.editor.jsonError', { error: jsonError })} style={{ marginBottom: 8 }} />}
                  <Input.TextArea value={text} onChange={(event) => editText(event.target.value)} autoSize={{ minRows: 20, maxRows: 40 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="policy-json" />
                </>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  )
}
