import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { gradeColour } from './grades.ts'

type Props = {
  /** The grade that stands (the override's, when there is one). */
  grade: string | null
  /** The model's grade, shown struck through when an override replaced it. */
  modelGrade?: string | null
  large?: boolean
}

/** A grade in its colour; after an override, the model's grade struck through beside it. */
export function GradeTag({ grade, modelGrade, large = false }: Props) {
  const { t } = useTranslation()
  const style = large ? { fontSize: 20, lineHeight: '32px', padding: '0 12px', fontWeight: 600 } : undefined
  return (
    <span data-testid="grade">
      <Tag color={gradeColour(grade)} style={style}>
        {grade ?? t('risk.notRated')}
      </Tag>
      {modelGrade && modelGrade !== grade && (
        <Typography.Text delete type="secondary" title={t('risk.override.modelGrade')} data-testid="model-grade">
          {modelGrade}
        </Typography.Text>
      )}
    </span>
  )
}
