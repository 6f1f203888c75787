import { LockOutlined, MailOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../api/client.ts'
import { useLogIn, useMe } from '../api/me-queries.ts'
import { LanguageSwitch } from '../layout/language-switch.tsx'
import styles from './login-page.module.css'

type Credentials = { email: string; password: string }

/** Where to go after signing in: a page of this app only, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/customers'
}

export function LoginPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const me = useMe()
  const logIn = useLogIn()
  const next = safeNext(params.get('next'))

  if (me.data) return <Navigate to={next} replace />

  const failure = logIn.error instanceof ApiError && logIn.error.status === 401 ? t('login.wrongCredentials') : logIn.error?.message

  return (
    <div className={styles.page}>
      <div className={styles.language}>
        <LanguageSwitch />
      </div>
      <Card className={styles.card}>
        <Typography.Title level={2} className={styles.title}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className={styles.subtitle}>
          {t('login.subtitle')}
        </Typography.Paragraph>
        {failure && <Alert type="error" showIcon title={failure} className={styles.alert} />}
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(credentials) => logIn.mutate(credentials, { onSuccess: () => void navigate(next, { replace: true }) })}
        >
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true, message: t('login.emailRequired') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={logIn.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}
