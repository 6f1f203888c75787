import { UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Table, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAttachToCase, useCaseAttachments } from '../api/alert-queries.ts'
import type { CaseAttachment } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'

/** The files attached to a case (each with its SHA-256), and attaching one. */
export function CaseAttachments({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const attachments = useCaseAttachments(caseId)
  const attach = useAttachToCase(caseId)

  return (
    <div data-testid="case-attachments">
      {attachments.isError && <Alert type="error" showIcon title={attachments.error.message} style={{ marginBottom: 12 }} />}
      {canWrite && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            attach.mutate(file, { onSuccess: () => void message.success(t('cases.attachments.uploaded')), onError: (error) => void message.error(error.message) })
            return false
          }}
        >
          <Button icon={<UploadOutlined />} loading={attach.isPending} style={{ marginBottom: 12 }}>
            {t('cases.attachments.upload')}
          </Button>
        </Upload>
      )}
      <Table<CaseAttachment>
        rowKey="id"
        size="small"
        pagination={false}
        loading={attachments.isPending}
        dataSource={attachments.data ?? []}
        locale={{ emptyText: t('cases.attachments.empty') }}
        columns={[
          { key: 'file', title: t('cases.attachments.title'), render: (_, a) => <a href={`/api/v1/cases/${caseId}/attachments/${a.id}/content`}>{a.filename}</a> },
          { key: 'size', title: t('cases.attachments.size'), align: 'right', render: (_, a) => a.size.toLocaleString(i18n.language) },
          { key: 'sha', title: 'SHA-256', render: (_, a) => <code title={a.sha256}>{a.sha256.slice(0, 12)}…</code> },
          { key: 'by', title: t('cases.attachments.uploadedBy'), render: (_, a) => `${a.uploadedBy} · ${formatDateTime(a.createdAt, i18n.language)}` },
        ]}
      />
    </div>
  )
}
