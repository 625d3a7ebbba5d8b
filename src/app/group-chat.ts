/**
 * The group-chat policy, written once for every messenger: case details never go to a
 * group. A group message addressed to the bot (a mention, a reply to it, one of its
 * commands) gets one line pointing to a private chat; anything else in a group gets
 * nothing. Adapters only say whether a message was addressed to the bot and post the line.
 */
import type { Locale } from '../domain/index.ts';
import { t } from '../i18n/index.ts';

export interface GroupMessage {
  /** Which messenger: the pointer's wording names how to reach the bot there. */
  messenger: 'telegram' | 'wechat';
  /** A mention of the bot, a reply to it or a command for it. */
  addressed: boolean;
  /** The language for the pointer (the speaker's client language, or the buyer's last one). */
  locale: Locale;
  /** How to reach the bot in private: a t.me link (Telegram) or the account's name (WeChat). */
  botAddress: string;
}

/**
 * The one line to post in the group, or null to stay silent.
 *
 * @example groupReply({ messenger: 'telegram', addressed: true, locale: 'zh-CN', botAddress: 'https://t.me/ShouhouBot' })
 */
export function groupReply(msg: GroupMessage): string | null {
  if (!msg.addressed) return null;
  return msg.messenger === 'telegram'
    ? t(msg.locale, 'telegram.groupPointer', { link: msg.botAddress })
    : t(msg.locale, 'wechat.roomPointer', { name: msg.botAddress });
}
