/**
 * Where things are on each platform: contacting the seller, the after-sales entry, what the
 * platform calls intervention, hotlines, and typical timers.
 *
 * Sources: seed 003 (entries, 申请平台介入 / 客服仲裁 / 申请介入, hotlines, "通常 1-3 个工作日",
 * JD "24 小时内联系双方"), seed 002 (Xiaohongshu: 申请售后, "通常是3个工作日内"), seed 004 (1688
 * path, 填写退货物流 countdown, 极速退款). None of the platform timers is an official published
 * figure (DOMAIN.md), so all are worded "通常 / typically" in the locale files.
 */
import { has, list, t } from '../i18n/index.ts';
import { normalize } from '../nlu/normalize.ts';
import type { Locale, Platform } from '../domain/index.ts';

/** Platforms with their own guide; every other platform uses `generic` under its own name. */
export const GUIDE_KEYS = [
  'taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'xiaohongshu', '1688', 'xianyu', 'weixin_shop', 'generic',
] as const;
/** `overseas`: any named platform outside mainland China (no code of its own; see `outsideMainland`). */
export type GuideKey = (typeof GUIDE_KEYS)[number] | 'overseas';

/**
 * Where a guide can be asked for: a platform code, or a guide of its own that has no extraction
 * code yet (`weixin_shop`: 微信小店, whose rules come from WeChat's official developer docs).
 */
export type GuideTarget = Platform | 'weixin_shop' | null;

/**
 * Official hotlines — only the two seed 003 names. Data, not wording: a number is not translated.
 */
export const HOTLINES: Readonly<Partial<Record<GuideKey, string>>> = {
  taobao: '9510211',
  jd: '950618',
};

/**
 * Platforms where the seller is a shop: whoever sells there is a 经营者 (DOMAIN.md, "Who the consumer
 * law binds"), whatever the goods (a "二手机" sold as new is the shop's misrepresentation). Only where
 * private people sell their own things (闲鱼, or a platform outside this list) can a seller be private.
 */
const SHOP_PLATFORMS: ReadonlySet<Platform> = new Set(['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'xiaohongshu', '1688', 'vip']);

/** Whether everyone selling on `platform` is a shop (never a private seller). */
export function sellsThroughShops(platform: Platform | null): boolean {
  return platform !== null && SHOP_PLATFORMS.has(platform);
}

/**
 * The platform's own label for intervention, as it appears on the button (seed 003). The same
 * in every locale: a buyer writing in English still has to find this button.
 */
export const INTERVENTION_LABELS: Readonly<Record<GuideKey, string>> = {
  taobao: '申请平台介入',
  tmall: '申请平台介入',
  jd: '申请客服仲裁',
  pdd: '申请介入',
  douyin: '申请介入',
  // Seed 002 says "申请平台客服介入" for Xiaohongshu; seed 004 names no label for 1688.
  // Kuaishou, Xianyu and WeChat Shop: no seed names the button; the guide says "look for".
  kuaishou: '申请平台介入',
  xiaohongshu: '申请平台介入',
  '1688': '申请平台介入',
  xianyu: '申请平台介入',
  weixin_shop: '申请平台介入',
  generic: '申请平台介入',
  // A platform outside mainland China has its own dispute / claim process; the label is the locale's
  // generic wording for it (`guides.overseas.interventionLabel`), not a Chinese button.
  overseas: '',
};

/**
 * Where a named platform outside the contract's list operates (the code stays `other`):
 * `mainland` (苏宁易购, 当当…), `taiwan_hk` (蝦皮, momo, PChome, HKTVmall…) or `abroad` (Amazon,
 * eBay, AliExpress…). Outside mainland China: no 12315 (it handles businesses in mainland China),
 * the platform's own dispute / claim process, then the payment channel.
 */
export type PlatformRegion = 'mainland' | 'taiwan_hk' | 'abroad';

interface NamedPlatform {
  /** How the buyer may write it, folded to Simplified and lower case. */
  keys: readonly string[];
  zh: string;
  en: string;
  region: PlatformRegion;
  /** The guide of its own, where it has one. */
  guide?: GuideKey;
}

/** Display names and regions of platforms the NLU reads as `other`. Not listed: the name as the buyer wrote it, mainland. */
const NAMED_PLATFORMS: readonly NamedPlatform[] = [
  { keys: ['苏宁', '苏宁易购', 'suning'], zh: '苏宁易购', en: 'Suning', region: 'mainland' },
  { keys: ['当当'], zh: '当当', en: 'Dangdang', region: 'mainland' },
  { keys: ['得物', 'dewu', 'poizon'], zh: '得物', en: 'Dewu (Poizon)', region: 'mainland' },
  { keys: ['网易严选', '严选'], zh: '网易严选', en: 'NetEase Yanxuan', region: 'mainland' },
  { keys: ['微信小店'], zh: '微信小店', en: 'WeChat Shop', region: 'mainland', guide: 'weixin_shop' },
  { keys: ['视频号', '视屏号', '微信视频号', '微信视屏号'], zh: '微信视频号', en: 'WeChat Channels', region: 'mainland' },
  { keys: ['amazon', '亚马逊'], zh: '亚马逊', en: 'Amazon', region: 'abroad' },
  { keys: ['ebay'], zh: 'eBay', en: 'eBay', region: 'abroad' },
  { keys: ['aliexpress', '速卖通'], zh: '速卖通', en: 'AliExpress', region: 'abroad' },
  { keys: ['temu'], zh: 'Temu', en: 'Temu', region: 'abroad' },
  { keys: ['shein', '希音'], zh: 'SHEIN', en: 'SHEIN', region: 'abroad' },
  { keys: ['lazada'], zh: 'Lazada', en: 'Lazada', region: 'abroad' },
  { keys: ['etsy'], zh: 'Etsy', en: 'Etsy', region: 'abroad' },
  { keys: ['walmart'], zh: 'Walmart', en: 'Walmart', region: 'abroad' },
  { keys: ['tiktok'], zh: 'TikTok Shop', en: 'TikTok Shop', region: 'abroad' },
  { keys: ['newegg'], zh: 'Newegg', en: 'Newegg', region: 'abroad' },
  { keys: ['asos'], zh: 'ASOS', en: 'ASOS', region: 'abroad' },
  { keys: ['zalora'], zh: 'Zalora', en: 'Zalora', region: 'abroad' },
  { keys: ['carousell'], zh: 'Carousell', en: 'Carousell', region: 'abroad' },
  { keys: ['shopee', '虾皮'], zh: '虾皮', en: 'Shopee', region: 'taiwan_hk' },
  { keys: ['momo'], zh: 'momo', en: 'momo', region: 'taiwan_hk' },
  { keys: ['pchome'], zh: 'PChome', en: 'PChome', region: 'taiwan_hk' },
  { keys: ['hktvmall'], zh: 'HKTVmall', en: 'HKTVmall', region: 'taiwan_hk' },
  { keys: ['露天', '露天拍卖'], zh: '露天拍卖', en: 'Ruten', region: 'taiwan_hk' },
  { keys: ['奇摩', '雅虎购物', 'yahoo购物', 'yahoo shopping'], zh: 'Yahoo奇摩购物', en: 'Yahoo Shopping', region: 'taiwan_hk' },
  { keys: ['博客来'], zh: '博客来', en: 'Books.com.tw', region: 'taiwan_hk' },
];

/** The named platform behind a name the buyer wrote (folded to Simplified first), or null. */
function namedPlatform(written: string): NamedPlatform | null {
  const key = normalize(written).toLowerCase().replace(/\s+/g, ' ').trim();
  return NAMED_PLATFORMS.find((p) => p.keys.includes(key)) ?? null;
}

/**
 * The name to keep for a platform the buyer named outside the list: the display name of a known
 * one (chosen per locale when shown: "速卖通" / "AliExpress"), else as written.
 */
export function keptPlatformName(written: string): string {
  return written.replace(/\s+/g, ' ').trim().slice(0, 30);
}

/** Where a named `other` platform operates; unknown names count as mainland. */
export function platformRegion(platform: GuideTarget, named: string | null | undefined): PlatformRegion {
  if (platform !== 'other' || !named) return 'mainland';
  return namedPlatform(named)?.region ?? 'mainland';
}

/** The case's platform is outside mainland China (12315 does not apply; letters in the buyer's language). */
export function outsideMainland(platform: GuideTarget, named: string | null | undefined): boolean {
  return platformRegion(platform, named) !== 'mainland';
}

export interface PlatformGuide {
  /** Which guide this is (`generic` for platforms without their own). */
  key: GuideKey;
  /** The platform asked for (null when unknown). */
  platform: GuideTarget;
  /** Display name, e.g. "拼多多" / "Pinduoduo"; for an unknown platform "购物平台" / "the shopping platform". */
  name: string;
  /** How to reach the seller's customer service. */
  contactSeller: string;
  /** Where the after-sales request is started. */
  afterSalesEntry: string;
  /** What the platform calls intervention, as an action: 申请平台介入 / 申请客服仲裁 / 申请介入. */
  interventionName: string;
  /** The button label itself (Chinese in every locale), e.g. 申请客服仲裁. */
  interventionLabel: string;
  /** Where the intervention button is and what to put in it. */
  interventionEntry: string;
  /** Official hotline named in seed 003, or null. */
  hotline: string | null;
  /** Typical timers, worded "通常 / typically". */
  timers: string[];
  /** Platform-specific tips (may be empty). */
  tips: string[];
  /** Where the order number is found in this platform's app. */
  orderIdWhere: string;
  /** What the order number typically looks like (DOMAIN.md "Number shapes"), or null. */
  orderIdShape: string | null;
}

/** Which guide covers a platform (`named`: the name the buyer used for an `other` one). */
export function guideKeyFor(platform: GuideTarget, named?: string | null): GuideKey {
  if (outsideMainland(platform, named)) return 'overseas';
  if (platform === 'other' && named) {
    const own = namedPlatform(named)?.guide;
    if (own) return own;
  }
  return platform && (GUIDE_KEYS as readonly string[]).includes(platform) ? (platform as GuideKey) : 'generic';
}

/**
 * The display name of a platform ("购物平台" / "the shopping platform" when unknown). An `other`
 * platform the buyer named keeps that name ("苏宁易购", "AliExpress").
 */
export function platformName(platform: GuideTarget, locale: Locale, named?: string | null): string {
  if (platform === 'other' && named) {
    const known = namedPlatform(named);
    return known ? (locale === 'en' ? known.en : known.zh) : named;
  }
  return t(locale, `knowledge.platform.names.${platform ?? 'generic'}`);
}

/**
 * The guide for a platform in `locale`. Platforms without their own guide (kuaishou, xianyu,
 * vip, other) get the generic guide under their own display name.
 *
 * @example platformGuide('jd', 'zh-CN').interventionName // '申请客服仲裁'
 */
export function platformGuide(platform: GuideTarget, locale: Locale, named?: string | null): PlatformGuide {
  const g = knownGuide(GUIDES, platform, locale, named, guideNow);
  // A copy: the caller may change what it is given.
  return { ...g, timers: [...g.timers], tips: [...g.tips] };
}

/**
 * A guide or its lines, made once per platform, language and (for an `other` platform) the name the
 * buyer gave: they are the catalogue's wording, the same every time (about ten lookups and fills each).
 */
function knownGuide<T>(cache: Map<string, T>, platform: GuideTarget, locale: Locale, named: string | null | undefined, make: (p: GuideTarget, l: Locale, n?: string | null) => T): T {
  // The name matters only for an `other` platform (guideKeyFor, platformName).
  const id = platform === 'other' && named ? `other\u0000${locale}\u0000${named}` : `${platform}\u0000${locale}`;
  let known = cache.get(id);
  if (known === undefined) {
    // Names are the buyers' words: the cache is emptied now and then.
    if (cache.size >= KNOWN_GUIDES_MAX) cache.clear();
    known = make(platform, locale, named);
    cache.set(id, known);
  }
  return known;
}

const GUIDES = new Map<string, PlatformGuide>();
const GUIDE_LINES = new Map<string, readonly string[]>();
const KNOWN_GUIDES_MAX = 256;

/** `platformGuide` without the cache. */
function guideNow(platform: GuideTarget, locale: Locale, named?: string | null): PlatformGuide {
  const key = guideKeyFor(platform, named);
  const base = `knowledge.platform.guides.${key}`;
  const hotline = HOTLINES[key] ?? null;
  const name = platformName(platform, locale, named);
  const vars = { hotline: hotline ?? '', name };
  return {
    key,
    platform,
    name,
    contactSeller: t(locale, `${base}.contactSeller`, vars),
    afterSalesEntry: t(locale, `${base}.afterSalesEntry`, vars),
    interventionName: t(locale, `${base}.interventionName`, vars),
    interventionLabel: INTERVENTION_LABELS[key] || t(locale, `${base}.interventionLabel`),
    interventionEntry: t(locale, `${base}.interventionEntry`, vars),
    hotline,
    timers: maybeList(locale, `${base}.timers`, vars),
    tips: maybeList(locale, `${base}.tips`, vars),
    orderIdWhere: t(locale, `${base}.orderIdWhere`, vars),
    orderIdShape: has(locale, `${base}.orderIdShape`) ? t(locale, `${base}.orderIdShape`) : null,
  };
}

/**
 * A list wording when the locale has it, else none. A module function, not a closure made per
 * call: under `tsx` every closure made also gets its name set.
 */
function maybeList(locale: Locale, key: string, vars: { hotline: string; name: string }): string[] {
  return has(locale, key) ? list(locale, key, vars) : [];
}

/**
 * The platform guide as lines for the buyer, shown when the case opens (not only after
 * escalation): how to reach the seller, where after-sales starts, where intervention is and
 * what it is called, the hotline seed 003 names, typical timers and tips.
 *
 * @example platformGuideLines('jd', 'zh-CN') // ['京东：…', '联系卖家：…', …, '申请客服仲裁：…', …]
 */
export function platformGuideLines(platform: GuideTarget, locale: Locale, named?: string | null): string[] {
  return [...knownGuide(GUIDE_LINES, platform, locale, named, guideLinesNow)];
}

/** `platformGuideLines` without the cache. */
function guideLinesNow(platform: GuideTarget, locale: Locale, named?: string | null): string[] {
  const g = guideNow(platform, locale, named);
  const k = 'knowledge.platform.guideLines';
  const lines = [
    t(locale, `${k}.heading`, { name: g.name }),
    t(locale, `${k}.contactSeller`, { text: g.contactSeller }),
    t(locale, `${k}.afterSales`, { text: g.afterSalesEntry }),
    t(locale, `${k}.intervention`, { label: g.interventionLabel, text: g.interventionEntry }),
  ];
  if (g.hotline) lines.push(t(locale, `${k}.hotline`, { name: g.name, hotline: g.hotline }));
  lines.push(...g.timers.map((x) => `· ${x}`), ...g.tips.map((x) => `· ${x}`));
  return lines;
}
