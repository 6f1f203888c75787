import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeRuleState, useRules } from '../api/alert-queries.ts'
import type { RuleState, StoredRule } from '../api/types.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { SeverityTag } from '../alerts/severity-tag.tsx'
import { formatDateTime } from '../format/dates.ts'
import { RuleEditorDrawer } from './rule-editor-drawer.tsx'
import { RuleStateTag } from './rule-state-tag.tsx'

const ORDER: RuleState[] = ['draft', 'shadow', 'active', 'retired']

/** The states a version may move to: only forward (steps may be skipped). */
export const nextStates = (state: RuleState): RuleState[] => ORDER.slice(ORDER.indexOf(state) + 1)

/** Every rule version with its state, writing a rule or its next version, and moving versions through shadow and active to retired. */
export function RulesPage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { message } = App.useApp()
  const canManage = useHasPermission('rules.manage')
  const rules = useRules()
  const change = useChangeRuleState()
  const [editing, setEditing] = useState<{ rule: StoredRule | null } | null>(null)
  const nameOf = (rule: StoredRule) => {
    const name = rule.document.name
    return typeof name === 'string' ? name : locale.startsWith('zh') ? name.zh : name.en
  }

  const move = (rule: StoredRule, state: RuleState) =>
    change.mutate(
      { id: rule.id, state },
      {
        onSuccess: () => void message.success(t('rules.stateChanged', { key: rule.key, version: rule.version, state: t(`rules.state.${state}`) })),
        onError: (error) => void message.error(error.message),
      },
    )

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rules.title')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="create-rule">
            {t('rules.editor.create')}
          </Button>
        )}
      </Flex>
      {rules.isError && <Alert type="error" showIcon title={rules.error.message} style={{ marginBottom: 16 }} />}
      <Table<StoredRule>
        rowKey="id"
        size="middle"
        loading={rules.isPending}
        dataSource={rules.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="rule-table"
        columns={[
          { key: 'key', title: t('rules.key'), render: (_, r) => <Typography.Text code>{r.key}</Typography.Text> },
          { key: 'name', title: t('rules.name'), render: (_, r) => nameOf(r) },
          { key: 'version', title: t('models.version'), render: (_, r) => `v${r.version}` },
          { key: 'state', title: t('rules.state.title'), render: (_, r) => <RuleStateTag state={r.state} /> },
          { key: 'severity', title: t('alerts.severity.title'), render: (_, r) => <SeverityTag severity={r.document.severity} /> },
          { key: 'scope', title: t('rules.scope.title'), render: (_, r) => t(`rules.scope.${r.document.scope}`, { defaultValue: r.document.scope }) },
          { key: 'updatedAt', title: t('rules.updatedAt'), render: (_, r) => formatDateTime(r.updatedAt, locale) },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, r: StoredRule) => (
                    <Space wrap size={4}>
                      <Button size="small" onClick={() => setEditing({ rule: r })} data-testid={`edit-rule-${r.id}`}>
                        {t('rules.editor.newVersionShort')}
                      </Button>
                      {nextStates(r.state).map((state) => (
                        <Button
                          key={state}
                          size="small"
                          danger={state === 'retired'}
                          loading={change.isPending && change.variables?.id === r.id && change.variables.state === state}
                          onClick={() => move(r, state)}
                          data-testid={`rule-${r.id}-${state}`}
                        >
                          {t(`rules.moveTo.${state}`)}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RuleEditorDrawer open={editing !== null} rule={editing?.rule ?? null} onClose={() => setEditing(null)} onSaved={() => undefined} />
    </Card>
  )
}
