import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLogOut, useMe } from '../api/me-queries.ts'

/** The signed-in user's name; opens to who they are and "sign out". */
export function UserMenu() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const me = useMe().data
  const logOut = useLogOut()
  if (!me) return null
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', disabled: true, label: `${me.user.email} · ${t(`roles.${me.user.role}`, { defaultValue: me.user.role })}` },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout') },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') logOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
        {me.user.name}
      </Button>
    </Dropdown>
  )
}
