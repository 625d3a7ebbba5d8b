import { describe, expect, it } from 'vitest';
import { GUIDE_KEYS, HOTLINES, platformGuide, platformGuideLines } from '../../src/knowledge/platforms.ts';
import { LOCALES, PLATFORMS } from '../../src/domain/index.ts';

describe('platformGuide', () => {
  it.each(LOCALES)('gives a complete guide for every platform and for none (%s)', (locale) => {
    for (const platform of [...PLATFORMS, null]) {
      const g = platformGuide(platform, locale);
      for (const field of ['name', 'contactSeller', 'afterSalesEntry', 'interventionName', 'interventionLabel', 'interventionEntry'] as const) {
        expect(g[field].trim(), `${platform} ${field}`).not.toBe('');
      }
      for (const line of [...g.timers, ...g.tips]) expect(line).not.toMatch(/\{\w+\}/);
    }
  });

  it('uses each platform\'s own word for intervention (seed 003)', () => {
    expect(platformGuide('taobao', 'zh-CN').interventionLabel).toBe('申请平台介入');
    expect(platformGuide('tmall', 'zh-CN').interventionLabel).toBe('申请平台介入');
    expect(platformGuide('jd', 'zh-CN').interventionLabel).toBe('申请客服仲裁');
    expect(platformGuide('pdd', 'zh-CN').interventionLabel).toBe('申请介入');
    expect(platformGuide('douyin', 'en').interventionLabel).toBe('申请介入');
  });

  it('names only the hotlines seed 003 names', () => {
    expect(HOTLINES).toEqual({ taobao: '9510211', jd: '950618' });
    expect(platformGuide('taobao', 'zh-CN').hotline).toBe('9510211');
    expect(platformGuide('taobao', 'zh-CN').tips.join()).toContain('9510211');
    expect(platformGuide('jd', 'en').tips.join()).toContain('950618');
    for (const key of GUIDE_KEYS.filter((k) => k !== 'taobao' && k !== 'jd')) {
      const g = platformGuide(key === 'generic' ? null : key, 'zh-CN');
      expect(g.hotline).toBeNull();
      expect(g.tips.join()).not.toMatch(/\d{6,}/);
    }
  });

  it('words every timer as typical, except the 1688 rules seed 004 states and WeChat Shop\'s official rules', () => {
    for (const key of GUIDE_KEYS.filter((k) => k !== '1688' && k !== 'weixin_shop')) {
      const platform = key === 'generic' ? null : key;
      for (const line of platformGuide(platform, 'zh-CN').timers) expect(line).toContain('通常');
      for (const line of platformGuide(platform, 'en').timers) expect(line).toMatch(/typically/);
    }
    expect(platformGuide('1688', 'zh-CN').timers.join()).toContain('填写退货物流');
    // WeChat mini-store rules (official developer docs, DOMAIN.md): 48 h, 7 days, 10 days, 7 days.
    const wx = platformGuide('weixin_shop', 'zh-CN').timers.join('\n');
    for (const figure of ['48 小时', '7 天内上传退货单号', '10 天', '7 天内申请平台介入']) expect(wx).toContain(figure);
  });

  it('gives Kuaishou, Xianyu and WeChat Shop their own guide; other platforms the generic one under their own name', () => {
    expect(platformGuide('kuaishou', 'zh-CN')).toMatchObject({ key: 'kuaishou', platform: 'kuaishou', name: '快手' });
    expect(platformGuide('xianyu', 'zh-CN').interventionEntry).toContain('小法庭');
    expect(platformGuide('xianyu', 'zh-CN').tips.join()).toContain('经营者');
    expect(platformGuide('weixin_shop', 'zh-CN').name).toBe('微信小店');
    expect(platformGuide('vip', 'en')).toMatchObject({ key: 'generic', name: 'Vipshop' });
    expect(platformGuide(null, 'zh-CN')).toMatchObject({ key: 'generic', name: '购物平台' });
    expect(platformGuide('xiaohongshu', 'zh-CN').key).toBe('xiaohongshu');
  });
});

describe('where the order number is, and the guide shown when the case opens', () => {
  it.each(LOCALES)('every guide says where the order number is (%s)', (locale) => {
    for (const key of GUIDE_KEYS) {
      const g = platformGuide(key === 'generic' ? null : key, locale);
      expect(g.orderIdWhere, key).toMatch(/订单编号|order number/);
    }
  });

  it('gives the order-number shapes DOMAIN.md states, as typical', () => {
    expect(platformGuide('pdd', 'zh-CN').orderIdShape).toMatch(/通常[\s\S]*15–18 位/);
    expect(platformGuide('taobao', 'zh-CN').orderIdShape).toMatch(/通常[\s\S]*18–19 位/);
    expect(platformGuide('jd', 'en').orderIdShape).toMatch(/typically 11–13 digits/);
    expect(platformGuide('xianyu', 'zh-CN').orderIdShape).toBeNull();
  });

  it('lists contact, after-sales, intervention by its own name, hotline and timers', () => {
    const jd = platformGuideLines('jd', 'zh-CN').join('\n');
    expect(jd).toMatch(/京东[\s\S]*联系卖家[\s\S]*申请售后[\s\S]*申请客服仲裁[\s\S]*950618[\s\S]*通常/);
    const en = platformGuideLines('taobao', 'en').join('\n');
    expect(en).toMatch(/Taobao[\s\S]*申请平台介入[\s\S]*9510211[\s\S]*typically/);
    for (const line of platformGuideLines(null, 'zh-CN')) expect(line).not.toMatch(/\{\w+\}/);
  });
});
