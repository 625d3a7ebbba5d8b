import { describe, expect, it } from 'vitest';
import { GUIDE_KEYS, HOTLINES, platformGuide } from '../../src/knowledge/platforms.ts';
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

  it('words every timer as typical, except the 1688 rules seed 004 states', () => {
    for (const key of GUIDE_KEYS.filter((k) => k !== '1688')) {
      const platform = key === 'generic' ? null : key;
      for (const line of platformGuide(platform, 'zh-CN').timers) expect(line).toContain('通常');
      for (const line of platformGuide(platform, 'en').timers) expect(line).toMatch(/typically/);
    }
    expect(platformGuide('1688', 'zh-CN').timers.join()).toContain('填写退货物流');
  });

  it('maps other platforms to the generic guide under their own name', () => {
    expect(platformGuide('kuaishou', 'zh-CN')).toMatchObject({ key: 'generic', platform: 'kuaishou', name: '快手' });
    expect(platformGuide('vip', 'en')).toMatchObject({ key: 'generic', name: 'Vipshop' });
    expect(platformGuide(null, 'zh-CN')).toMatchObject({ key: 'generic', name: '购物平台' });
    expect(platformGuide('xiaohongshu', 'zh-CN').key).toBe('xiaohongshu');
  });
});
