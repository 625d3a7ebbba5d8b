import { describe, expect, it } from 'vitest';
import { groupReply } from '../../src/app/group-chat.ts';

describe('the group-chat policy (one for every messenger)', () => {
  it('stays silent unless the bot is addressed', () => {
    for (const messenger of ['telegram', 'wechat'] as const) {
      expect(groupReply({ messenger, addressed: false, locale: 'zh-CN', botAddress: 'x' })).toBeNull();
    }
  });

  it('answers a mention with one line pointing to a private chat, naming how to reach the bot', () => {
    const tg = groupReply({ messenger: 'telegram', addressed: true, locale: 'zh-CN', botAddress: 'https://t.me/ShouhouBot' });
    expect(tg).toContain('https://t.me/ShouhouBot');
    expect(tg).toContain('私聊');
    const wx = groupReply({ messenger: 'wechat', addressed: true, locale: 'en', botAddress: 'shouhou' });
    expect(wx).toContain('shouhou');
    expect(wx!.split('\n')).toHaveLength(1);
  });
});
