import { Alert, App, Button, Empty, Flex, Input, List, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAddCaseComment, useCaseComments } from '../api/alert-queries.ts'
import { formatDateTime } from '../format/dates.ts'

/** A case's comments, oldest first, and a box to add one; @name mentions a colleague, who is notified. */
export function CaseComments({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const comments = useCaseComments(caseId)
  const add = useAddCaseComment(caseId)
  const [body, setBody] = useState('')

  return (
    <Flex vertical gap={12} data-testid="case-comments">
      {comments.isError && <Alert type="error" showIcon title={comments.error.message} />}
      {comments.data && comments.data.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.comments.empty')} />}
      {comments.data && comments.data.length > 0 && (
        <List
          size="small"
          dataSource={comments.data}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <List.Item.Meta
                title={
                  <Typography.Text type="secondary">
                    {c.author} · {formatDateTime(c.createdAt, i18n.language)}
                  </Typography.Text>
                }
                description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.body}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      )}
      {canWrite && (
        <Flex vertical gap={8}>
          <Input.TextArea rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} placeholder={t('cases.comments.placeholder')} data-testid="case-comment-body" />
          <Button
            type="primary"
            style={{ alignSelf: 'flex-start' }}
            disabled={body.trim() === ''}
            loading={add.isPending}
            onClick={() => add.mutate(body.trim(), { onSuccess: () => setBody(''), onError: (error) => void message.error(error.message) })}
            data-testid="case-comment-submit"
          >
            {t('cases.comments.submit')}
          </Button>
        </Flex>
      )}
    </Flex>
  )
}
