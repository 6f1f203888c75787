import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
// antd's calendars and date pickers take weekday and month names, and the first day of the week,
// from dayjs's locale data: without this, a zh-CN calendar would head its columns Su Mo Tu… from Sunday.
import 'dayjs/locale/zh-cn'

/** antd's own texts (dates, pagination, empty tables) for an interface language. */
export function antdLocale(language: string) {
  return language === 'en' ? enUS : zhCN
}
