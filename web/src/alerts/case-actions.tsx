import { App, Button, Input, Popconfirm, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCaseAction, useCaseWorkers, type CaseAction } from '../api/alert-queries.ts'
import type { CaseView } from '../api/types.ts'
import { useMe } from '../api/me-queries.ts'

/** The work on a case that is not closed: take it or assign it, send it to the queue, start investigating, escalate. */
export function CaseActions({ kase }: { kase: CaseView }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const me = useMe().data
  const workers = useCaseWorkers()
  const action = useCaseAction()
  const [note, setNote] = useState('')
  const supervisor = me?.user.role === 'admin' || me?.user.role === 'risk_manager'

  function run(change: CaseAction) {
    action.mutate({ id: kase.id, action: change }, { onSuccess: () => void message.success(t('cases.work.done')), onError: (error) => void message.error(error.message) })
  }

  return (
    <Space wrap data-testid="case-actions">
      {me && kase.ownerId !== me.user.id && (
        <Button onClick={() => run({ kind: 'assign', ownerId: me.user.id })} loading={action.isPending} data-testid="case-take">
          {t('cases.work.take')}
        </Button>
      )}
      {supervisor && (
        <Select
          placeholder={t('cases.work.assignTo')}
          style={{ width: 200 }}
          loading={workers.isPending}
          onChange={(ownerId: string) => run({ kind: 'assign', ownerId })}
          options={(workers.data ?? []).filter((w) => w.id !== kase.ownerId).map((w) => ({ value: w.id, label: `${w.name} (${w.email})` }))}
          data-testid="case-assign"
        />
      )}
      <Button onClick={() => run({ kind: 'assign' })} loading={action.isPending} data-testid="case-queue">
        {t('cases.work.toQueue')}
      </Button>
      {kase.status !== 'investigating' && (
        <Button type="primary" onClick={() => run({ kind: 'investigate' })} loading={action.isPending} data-testid="case-investigate">
          {t('cases.work.investigate')}
        </Button>
      )}
      <Popconfirm
        title={t('cases.work.escalate')}
        description={<Input.TextArea rows={2} placeholder={t('cases.work.escalateNote')} value={note} onChange={(e) => setNote(e.target.value)} />}
        onConfirm={() => run({ kind: 'escalate', note: note.trim() || undefined })}
      >
        <Button danger loading={action.isPending} data-testid="case-escalate">
          {t('cases.work.escalate')}
        </Button>
      </Popconfirm>
    </Space>
  )
}
