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
import type { Locale, Platform } from '../domain/index.ts';

/** Platforms with their own guide; every other platform uses `generic` under its own name. */
export const GUIDE_KEYS = [
  'taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'xiaohongshu', '1688', 'xianyu', 'weixin_shop', 'generic',
] as const;
export type GuideKey = (typeof GUIDE_KEYS)[number];

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
};

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

/** Which guide covers a platform. */
export function guideKeyFor(platform: GuideTarget): GuideKey {
  return platform && (GUIDE_KEYS as readonly string[]).includes(platform) ? (platform as GuideKey) : 'generic';
}

/** The display name of a platform ("购物平台" / "the shopping platform" when unknown). */
export function platformName(platform: GuideTarget, locale: Locale): string {
  return t(locale, `knowledge.platform.names.${platform ?? 'generic'}`);
}

/**
 * The guide for a platform in `locale`. Platforms without their own guide (kuaishou, xianyu,
 * vip, other) get the generic guide under their own display name.
 *
 * @example platformGuide('jd', 'zh-CN').interventionName // '申请客服仲裁'
 */
export function platformGuide(platform: GuideTarget, locale: Locale): PlatformGuide {
  const key = guideKeyFor(platform);
  const base = `knowledge.platform.guides.${key}`;
  const hotline = HOTLINES[key] ?? null;
  const vars = { hotline: hotline ?? '' };
  return {
    key,
    platform,
    name: platformName(platform, locale),
    contactSeller: t(locale, `${base}.contactSeller`),
    afterSalesEntry: t(locale, `${base}.afterSalesEntry`),
    interventionName: t(locale, `${base}.interventionName`),
    interventionLabel: INTERVENTION_LABELS[key],
    interventionEntry: t(locale, `${base}.interventionEntry`),
    hotline,
    timers: maybeList(locale, `${base}.timers`, vars),
    tips: maybeList(locale, `${base}.tips`, vars),
    orderIdWhere: t(locale, `${base}.orderIdWhere`),
    orderIdShape: has(locale, `${base}.orderIdShape`) ? t(locale, `${base}.orderIdShape`) : null,
  };
}

/**
 * A list wording when the locale has it, else none. A module function, not a closure made per
 * call: under `tsx` every closure made also gets its name set.
 */
function maybeList(locale: Locale, key: string, vars: { hotline: string }): string[] {
  return has(locale, key) ? list(locale, key, vars) : [];
}

/**
 * The platform guide as lines for the buyer, shown when the case opens (not only after
 * escalation): how to reach the seller, where after-sales starts, where intervention is and
 * what it is called, the hotline seed 003 names, typical timers and tips.
 *
 * @example platformGuideLines('jd', 'zh-CN') // ['京东：…', '联系卖家：…', …, '申请客服仲裁：…', …]
 */
export function platformGuideLines(platform: GuideTarget, locale: Locale): string[] {
  const g = platformGuide(platform, locale);
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
