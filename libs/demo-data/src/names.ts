import type { BusinessType } from '@tms/domain';
import { Categorical, type Random } from './random';

/**
 * Word lists for Chinese-looking names. Place names, brand series and manufacturers are invented; any
 * likeness to a real trademark is accidental.
 */

/** Common surnames with rough relative frequencies. */
const SURNAMES = new Categorical<string>([
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 54],
  ['陈', 46],
  ['杨', 33],
  ['黄', 25],
  ['赵', 20],
  ['吴', 19],
  ['周', 19],
  ['徐', 14],
  ['孙', 13],
  ['马', 12],
  ['朱', 12],
  ['胡', 11],
  ['郭', 11],
  ['何', 10],
  ['高', 9],
  ['林', 9],
  ['罗', 9],
  ['郑', 8],
  ['梁', 7],
  ['谢', 6],
  ['宋', 6],
  ['唐', 6],
  ['许', 5],
  ['韩', 5],
  ['冯', 5],
  ['邓', 5],
  ['曹', 5],
  ['彭', 4],
  ['曾', 4],
  ['肖', 4],
  ['田', 4],
  ['董', 4],
  ['袁', 4],
  ['潘', 3],
  ['于', 3],
  ['蒋', 3],
  ['蔡', 3],
  ['余', 3],
  ['杜', 3],
  ['叶', 3],
  ['程', 3],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 2],
  ['卢', 2],
  ['姜', 2],
  ['崔', 2],
  ['钟', 2],
  ['谭', 2],
  ['陆', 2],
  ['汪', 2],
  ['范', 2],
  ['金', 2],
  ['石', 2],
  ['廖', 2],
  ['贾', 2],
  ['夏', 2],
  ['韦', 2],
  ['付', 2],
  ['方', 2],
  ['熊', 2],
  ['万', 1],
  ['覃', 1],
  ['易', 1],
  ['向', 1],
  ['欧阳', 0.5],
  ['司马', 0.2],
]);

const GIVEN_CHARS = (
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰春梅海波辉鹏飞斌宇浩凯俊峰亮成林云燕琴晨' +
  '文博彬欣丹宁新兵德胜利安元松涵晓雪慧莉萍洁婷琳晶倩颖宏昌荣富贵才发顺福祥瑞金银宝家和庆喜东'
).split('');

export function personName(rng: Random): string {
  const surname = SURNAMES.sample(rng);
  const n = rng.chance(0.72) ? 2 : 1;
  let given = '';
  for (let i = 0; i < n; i++) given += rng.pick(GIVEN_CHARS);
  return surname + given;
}

/** Invented city, counties, towns and streets. */
export const CITY_NAME = '汉江市';

export const COUNTY_NAMES = [
  '江城区',
  '云溪县',
  '梅岭县',
  '石桥县',
  '青阳县',
  '白河县',
  '松川县',
  '枫林县',
  '临泉县',
];

export const URBAN_AREA_WORDS = [
  '城东',
  '城西',
  '城南',
  '城北',
  '城中',
  '开发区',
  '新城',
  '滨江',
  '高新区',
  '老城',
];

export const TOWN_NAMES = (
  '双河 柳林 桃园 杨集 马坪 花园 龙王 长岗 新店 黄坡 三里 五里 七星 大桥 河口 古城 观音 清水 白沙 石门 ' +
  '金牛 凤凰 太平 永安 丰乐 兴隆 安居 平林 仙居 南湖 北山 东岳 西湾 塔山 青石 洪山 罗店 余家 汤池 土门'
).split(' ');

const STREET_WORDS = (
  '解放 人民 建设 中山 胜利 和平 文化 光明 幸福 东风 新华 团结 民主 青年 工农 长江 汉江 滨河 府前 ' +
  '学院 车站 市场 商贸 兴业 振兴 迎宾 公园 友谊 红旗 育才'
).split(' ');

const STREET_SUFFIX = new Categorical<string>([
  ['路', 5],
  ['街', 4],
  ['大道', 1],
  ['巷', 1],
]);

export function urbanAddress(rng: Random, county: string, area: string): string {
  const street = rng.pick(STREET_WORDS) + STREET_SUFFIX.sample(rng);
  const no = rng.range(1, 399);
  const extra = rng.chance(0.25) ? `附${rng.range(1, 12)}号` : '';
  return `${county}${area}${street}${no}号${extra}`;
}

export function ruralAddress(rng: Random, county: string, town: string): string {
  const village = rng.pick(TOWN_NAMES) + (rng.chance(0.5) ? '村' : '社区');
  const group = rng.chance(0.6)
    ? `${rng.range(1, 12)}组`
    : `${rng.pick(STREET_WORDS)}街${rng.range(1, 180)}号`;
  return `${county}${town}镇${village}${group}`;
}

const SHOP_SUFFIX: Record<BusinessType, readonly string[]> = {
  convenience: ['便利店', '便民店', '便利超市', '24小时便利店'],
  supermarket: ['超市', '购物中心', '生活超市', '量贩'],
  grocery: ['食杂店', '副食店', '商店', '小卖部', '杂货店', '日杂店'],
  tobacco_liquor: ['烟酒行', '烟酒商行', '名烟名酒', '烟酒店'],
  entertainment: ['KTV', '茶楼', '棋牌室', '台球厅', '网吧', '酒店'],
  mall: ['百货', '商场', '购物广场'],
  other: ['加油站便利店', '药店', '书报亭', '五金店', '农资店'],
};

const SHOP_PREFIX = (
  '鑫源 佳佳 好邻居 万家 福满多 金帆 兴旺 顺心 惠民 如意 乐购 天天 家家乐 百顺 红星 平安 阳光 旺角 ' +
  '快客 美宜 诚信 和睦 四季 金穗 聚福 八方 友邻 百佳 恒通 东方'
).split(' ');

export function shopName(rng: Random, businessType: BusinessType, ownerName: string, place: string): string {
  const suffix = rng.pick(SHOP_SUFFIX[businessType]);
  const roll = rng.next();
  if (roll < 0.35) return `${place}${rng.pick(SHOP_PREFIX)}${suffix}`;
  if (roll < 0.65) return `${ownerName.slice(0, 1)}${rng.pick(['记', '氏', '家', '姐', '哥'])}${suffix}`;
  if (roll < 0.85) return `${rng.pick(SHOP_PREFIX)}${suffix}`;
  return `${place}${ownerName}${suffix}`;
}

/** Mobile numbers start with 13x, 15x or 18x and have 11 digits. */
export function mobilePhone(rng: Random): string {
  const second = rng.pick(['3', '5', '8']);
  let rest = String(rng.int(10));
  for (let i = 0; i < 8; i++) rest += String(rng.int(10));
  return `1${second}${rest}`;
}

export const PREFERENCES = [
  '偏好细支烟，希望多投放新品',
  '顾客以中老年为主，平价烟走得快',
  '周末客流大，周五前需备足货',
  '希望增加中高端规格的投放',
  '店主喜欢电话联系，不习惯微信',
  '上午营业较忙，拜访请安排在下午',
  '对紧俏规格需求大，常反映不够卖',
  '希望提供价签和陈列指导',
  '附近工地多，软包平价烟需求稳定',
  '春节前送礼需求大，需提前预约',
  '店面小，库存不宜过多',
  '愿意参与品牌培育活动',
  '关注零售毛利，希望了解价格政策',
  '使用扫码枪，数据上传及时',
  '喜欢中支和短支新品',
  '店主说"货要新鲜", 每次少订勤订',
  '晚上营业到11点, 可晚间送货',
];

/** Manufacturers (invented provincial tobacco industrial companies). */
export const MANUFACTURER_NAMES = [
  '楚江中烟工业有限责任公司',
  '云岭中烟工业有限责任公司',
  '湘岳中烟工业有限责任公司',
  '浙海中烟工业有限责任公司',
  '滇南卷烟工业有限责任公司',
  '蜀川中烟工业有限责任公司',
  '皖江中烟工业有限责任公司',
  '粤东中烟工业有限责任公司',
  '齐鲁东方卷烟有限责任公司',
  '中原豫烟工业有限责任公司',
];

/** Invented brand series names. */
export const BRAND_SERIES = (
  '江帆 云岫 楚韵 锦程 岚峰 鹭洲 星河 青岚 鸿瑞 长岭 天澜 紫霄 翠湖 海韵 祥龙 松鹤 金穗 玉泉 春晖 雅韵 ' +
  '清风 远山 明月 华章 君悦 朝阳 丹枫 秋水 碧波 金鼎 银杉 汉风 梅岭 兰亭 雁塔 沧浪 鹤鸣 九畹 揽月 荷塘'
).split(' ');
