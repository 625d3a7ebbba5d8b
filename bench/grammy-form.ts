/**
 * The comparison for `npm run bench`: the same 3-question form (order number, problem,
 * wants) written the usual way — grammY + @grammyjs/conversations, its state in
 * @grammyjs/storage-redis (or in memory) — fed updates through `bot.handleUpdate`, with
 * the Bot API answered locally (no network), exactly like the 售后帮 side of the run.
 */
import { Bot, type Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import {
  conversations, createConversation, type Conversation, type ConversationData, type ConversationFlavor, type VersionedState,
} from '@grammyjs/conversations';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { Redis } from 'ioredis';

type Ctx = ConversationFlavor<Context>;

const BOT_INFO: UserFromGetMe = {
  id: 1, is_bot: true, first_name: 'bench', username: 'bench_bot', can_join_groups: false,
  can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false,
  has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
} as UserFromGetMe;

async function form(conversation: Conversation<Ctx, Context>, ctx: Context): Promise<void> {
  await ctx.reply('请发一下订单号（在订单详情页，可以直接复制）。');
  const order = await conversation.waitFor('message:text');
  await order.reply(`已记下：订单号 ${order.message.text}。具体是什么问题？`);
  const problem = await conversation.waitFor('message:text');
  await problem.reply('已记下。你希望怎么处理？ 1. 退款 2. 退货退款 3. 换货');
  const wants = await conversation.waitFor('message:text');
  await wants.reply(`三要素齐了 ✅ ${order.message.text}｜${problem.message.text}｜${wants.message.text}`);
}

export interface GrammyForm {
  /** One update from buyer `i` with this text. */
  send(i: number, text: string): Promise<void>;
  replies(): number;
}

/** The form bot, with its conversations stored in Redis under `prefix` (or in memory). */
export function grammyForm(redis: Redis | null, prefix: string): GrammyForm {
  let replies = 0;
  let messageId = 0;
  // The Bot API answered in process (no network), at the HTTP client, so every API instance
  // (conversations build their own) goes through it.
  const fakeFetch = (async (url: string | URL, init?: { body?: unknown }) => {
    if (String(url).endsWith('/sendMessage')) replies += 1;
    const chatId = typeof init?.body === 'string' ? ((JSON.parse(init.body) as { chat_id?: number }).chat_id ?? 0) : 0;
    const result = { message_id: ++messageId, date: 0, chat: { id: chatId, type: 'private', first_name: 'b' } };
    return new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  const bot = new Bot<Ctx>('1:bench', { botInfo: BOT_INFO, client: { fetch: fakeFetch } });
  const storage = redis ? { type: 'key' as const, adapter: new RedisAdapter<VersionedState<ConversationData>>({ instance: redis }), prefix: `${prefix}:` } : undefined;
  bot.use(conversations<Ctx, Context>(storage ? { storage } : {}));
  bot.use(createConversation(form, 'form'));
  bot.on('message:text', (ctx) => ctx.conversation.enter('form'));
  let updateId = 0;
  return {
    async send(i, text) {
      const id = 1_000_000 + i;
      const update: Update = {
        update_id: ++updateId,
        message: {
          message_id: updateId, date: 1_763_776_800, text,
          chat: { id, type: 'private', first_name: 'b' }, from: { id, is_bot: false, first_name: 'b' },
        },
      };
      await bot.handleUpdate(update);
    },
    replies: () => replies,
  };
}

const GOODS = ['杯子', '台灯', '保温杯', '耳机', '衬衫', '电饭煲', '行李箱', '鞋子', '背包', '手表'];
const PROBLEMS = ['到手就碎了', '和图片不一样', '一直没收到', '用了两天就坏了'];

/**
 * Buyer `i`'s complaint: one of four problems (by i % 4) about one of ten goods, with the day the order was
 * placed, so the 1,000 buyers of a round do not repeat one another's words (nothing is reused across
 * buyers that real buyers would not repeat).
 */
export function problemText(i: number): string {
  return `${GOODS[Math.floor(i / 4) % GOODS.length]}${PROBLEMS[i % 4]}，${(Math.floor(i / 40) % 25) + 1}号下的单`;
}

/** The buyer's four messages: the opener, then the three answers. */
export function grammyScript(i: number): string[] {
  return [
    '我的快递有问题',
    `39164528${String(i).padStart(11, '0')}`,
    problemText(i),
    ['想退款', '退货退款', '给我补发', '换一个'][i % 4]!,
  ];
}
