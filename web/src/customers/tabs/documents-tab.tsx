import { DownloadOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Table, Typography, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.ts'
import { documentContentUrl, useDocuments, useUploadDocument } from '../../api/record-queries.ts'
import type { DocumentInfo } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'

function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`
}

/** The customer's files: upload (the file itself is the request body) and download. */
export function DocumentsTab({ customerId, canUpload }: { customerId: string; canUpload: boolean }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const documents = useDocuments(customerId)
  const upload = useUploadDocument(customerId)
  return (
    <>
      {canUpload && (
        <Upload
          showUploadList={false}
          multiple
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (document) => {
                void message.success(t('documents.uploaded', { filename: document.filename }))
                onSuccess?.(document)
              },
              onError: (error) => {
                const reason = error instanceof ApiError && error.status === 409 ? t('documents.duplicate') : error.message
                void message.error(t('documents.uploadFailed', { filename: (file as File).name, reason }))
                onError?.(error)
              },
            })
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginBottom: 16 }}>
            {t('documents.upload')}
          </Button>
        </Upload>
      )}
      <Table<DocumentInfo>
        rowKey="id"
        size="middle"
        loading={documents.isPending}
        dataSource={documents.data}
        pagination={false}
        columns={[
          {
            key: 'filename',
            title: t('documents.filename'),
            render: (_, d) => (
              <a href={documentContentUrl(d)} download={d.filename}>
                <DownloadOutlined /> {d.filename}
              </a>
            ),
          },
          { key: 'category', title: t('documents.category'), render: (_, d) => d.category ?? '—' },
          { key: 'contentType', title: t('documents.contentType'), dataIndex: 'contentType' },
          { key: 'size', title: t('documents.size'), align: 'right', render: (_, d) => formatSize(d.size, i18n.language) },
          {
            key: 'sha256',
            title: 'SHA-256',
            render: (_, d) => (
              <Typography.Text code copyable={{ text: d.sha256 }}>
                {d.sha256.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          { key: 'createdAt', title: t('documents.uploadedAt'), render: (_, d) => formatDateTime(d.createdAt, i18n.language) },
        ]}
      />
    </>
  )
}
