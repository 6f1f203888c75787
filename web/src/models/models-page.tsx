import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useModels } from '../api/model-queries.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { ModelTable } from './model-table.tsx'
import { TrainModelDrawer } from './train-model-drawer.tsx'

/** The scorecard registry: every model with its validation figures, and training a new one. */
export function ModelsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const canTrain = useHasPermission('models.train')
  const [isTraining, setTraining] = useState(false)
  const models = useModels()

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('models.title')}
        </Typography.Title>
        {canTrain && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTraining(true)} data-testid="train-model">
            {t('models.train.open')}
          </Button>
        )}
      </Flex>
      {models.isError && <Alert type="error" showIcon title={models.error.message} style={{ marginBottom: 16 }} />}
      <ModelTable models={models.data ?? []} loading={models.isPending} />
      <TrainModelDrawer open={isTraining} onClose={() => setTraining(false)} onTrained={(modelId) => void navigate(`/models/${modelId}`)} />
    </Card>
  )
}
