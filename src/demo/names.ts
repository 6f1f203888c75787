/** Raw material for believable company and person names, Chinese and international. */
export const CN_CITIES = [
  { city: '深圳', pinyin: 'Shenzhen', region: '广东省深圳市', division: '440300' },
  { city: '广州', pinyin: 'Guangzhou', region: '广东省广州市', division: '440100' },
  { city: '上海', pinyin: 'Shanghai', region: '上海市', division: '310000' },
  { city: '北京', pinyin: 'Beijing', region: '北京市', division: '110000' },
  { city: '杭州', pinyin: 'Hangzhou', region: '浙江省杭州市', division: '330100' },
  { city: '苏州', pinyin: 'Suzhou', region: '江苏省苏州市', division: '320500' },
  { city: '成都', pinyin: 'Chengdu', region: '四川省成都市', division: '510100' },
  { city: '武汉', pinyin: 'Wuhan', region: '湖北省武汉市', division: '420100' },
  { city: '宁波', pinyin: 'Ningbo', region: '浙江省宁波市', division: '330200' },
  { city: '天津', pinyin: 'Tianjin', region: '天津市', division: '120000' },
  { city: '青岛', pinyin: 'Qingdao', region: '山东省青岛市', division: '370200' },
  { city: '厦门', pinyin: 'Xiamen', region: '福建省厦门市', division: '350200' },
] as const

/** Characters for trade names, with their pinyin for the English alias. */
export const CN_BRAND_WORDS: readonly (readonly [string, string])[] = [
  ['华', 'Hua'], ['鑫', 'Xin'], ['盛', 'Sheng'], ['恒', 'Heng'], ['宏', 'Hong'], ['瑞', 'Rui'], ['泰', 'Tai'], ['达', 'Da'],
  ['嘉', 'Jia'], ['博', 'Bo'], ['创', 'Chuang'], ['远', 'Yuan'], ['海', 'Hai'], ['德', 'De'], ['信', 'Xin'], ['隆', 'Long'],
  ['联', 'Lian'], ['通', 'Tong'], ['锦', 'Jin'], ['天', 'Tian'], ['汇', 'Hui'], ['航', 'Hang'], ['安', 'An'], ['和', 'He'],
  ['星', 'Xing'], ['源', 'Yuan'], ['力', 'Li'], ['新', 'Xin'], ['益', 'Yi'], ['丰', 'Feng'],
]

export const CN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
export const CN_GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '丽', '建华', '志强', '海燕']
export const CN_TITLES = ['总经理', '财务总监', '采购经理', '法务主管', '董事长', '销售总监', '出纳']

export const INTERNATIONAL = [
  { country: 'DE', region: 'Bavaria', cities: ['Munich', 'Nuremberg'], suffix: 'GmbH', registrationPrefix: 'HRB ' },
  { country: 'US', region: 'California', cities: ['San Jose', 'Irvine'], suffix: 'Inc.', registrationPrefix: 'C' },
  { country: 'GB', region: 'England', cities: ['Manchester', 'Leeds'], suffix: 'Ltd', registrationPrefix: '' },
  { country: 'SG', region: 'Singapore', cities: ['Singapore'], suffix: 'Pte. Ltd.', registrationPrefix: '2019' },
  { country: 'JP', region: 'Osaka', cities: ['Osaka', 'Kobe'], suffix: 'K.K.', registrationPrefix: '1200-01-' },
  { country: 'FR', region: 'Île-de-France', cities: ['Paris', 'Lyon'], suffix: 'SAS', registrationPrefix: 'RCS ' },
] as const

export const LATIN_STEMS = ['Northwind', 'Bluepeak', 'Harbor', 'Crestline', 'Evergreen', 'Ironbridge', 'Lumen', 'Meridian', 'Silverline', 'Oakridge', 'Atlas', 'Brightwater', 'Redstone', 'Summit', 'Vanguard']
export const LATIN_FIRST = ['Anna', 'James', 'Sofia', 'Lukas', 'Emma', 'Hiro', 'Claire', 'Daniel', 'Mia', 'Oliver']
export const LATIN_LAST = ['Schmidt', 'Miller', 'Dubois', 'Tanaka', 'Brown', 'Weber', 'Martin', 'Lee', 'Clarke', 'Novak']
export const LATIN_TITLES = ['CFO', 'Head of Procurement', 'Managing Director', 'Treasurer', 'Credit Controller']
