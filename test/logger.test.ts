/**
 * Redaction: whatever a log call is given, the line written holds no message text, order,
 * phone or tracking number, token or Redis password — unless LOG_UNREDACTED is set.
 */
import { describe, expect, it } from 'vitest';
import { GrammyError } from 'grammy';
import { createLogger, scrub } from '../src/logger.ts';

function capture(unredacted = false) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', unredacted, stream: { write: (l: string) => void lines.push(l) } });
  return { logger, text: () => lines.join('') };
}

const ORDER = '241103-572918364502817';
const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function logEverything(logger: ReturnType<typeof createLogger>) {
  logger.debug({ userId: 'tg:42', inbound: { type: 'text', text: `订单 ${ORDER} 杯子碎了` } }, 'turn');
  logger.debug({ messages: [{ kind: 'draft', text: `您好，我的订单号是 ${ORDER}` }] }, 'delivering');
  const edit = new GrammyError('Call to editMessageText failed!', { ok: false, error_code: 400, description: 'Bad Request: message is not modified' }, 'editMessageText', {
    chat_id: 42, text: `订单号 ${ORDER}`,
  });
  logger.debug({ err: edit }, 'could not mark the chosen button');
  logger.error({ err: new Error(`Redis at redis://:hunter2@db:6379/0 refused; phone 138 1234 5678, SF1234567890123`) }, 'failed');
  logger.info(`token ${TOKEN} at https://api.telegram.org/bot${TOKEN}/getMe`);
  logger.warn({ nested: { deeper: { caption: '外箱破损 13812345678', note: 'x' } }, day: '2027-02-10' }, 'odd');
}

describe('logs', () => {
  it('are redacted by default at every level', () => {
    const { logger, text } = capture();
    logEverything(logger);
    const out = text();
    for (const secret of [ORDER, '572918364502817', '杯子碎了', '您好', 'hunter2', '1234 5678', '13812345678', 'SF1234567890123', TOKEN, 'AAHdqTcv', '外箱破损']) {
      expect(out, secret).not.toContain(secret);
    }
    // What an operator needs stays: user ids, error kinds and descriptions, dates, messages.
    expect(out).toContain('tg:42');
    expect(out).toContain('message is not modified');
    expect(out).toContain('2027-02-10');
    expect(out.trim().split('\n')).toHaveLength(6);
  });

  it('are written as they are with LOG_UNREDACTED', () => {
    const { logger, text } = capture(true);
    logEverything(logger);
    expect(text()).toContain(ORDER);
    expect(text()).toContain('杯子碎了');
  });

  it('scrub keeps short numbers and dates', () => {
    expect(scrub('port 6379, 3 items, 2026-11-22 10:00')).toBe('port 6379, 3 items, 2026-11-22 10:00');
    expect(scrub(`单号${ORDER}`)).toBe('单号[number]');
  });
});
