/**
 * 12315 needs the business complained about by its registered name and address, which the shop
 * shows on its front page (电子商务法 第十五条). The bot asks once, beside the 12315 draft, with
 * a skip option; any other message carries on as usual, and an answer re-issues the draft.
 */
import { isPrivateSeller } from '../drafts/index.ts';
import { businessInfo } from '../nlu/index.ts';
import { record } from './case.ts';
import { sendDraft } from './render.ts';
import type { Turn } from './turn.ts';
import type { FollowingCase, OpenCase } from '../domain/index.ts';

/**
 * A 统一社会信用代码 (GB 32100-2015): 18 characters, digits and capitals without I, O, Z, S, V;
 * characters 3–8 are the region's digits. Shape only: the check character is not verified.
 */
const CREDIT_CODE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g;
/** The code named as such ("统一社会信用代码", "信用代码", "credit code", "USCC"). */
const CREDIT_CODE_LABEL = /信用代码|信用代碼|credit\s*code|\bUSCC\b/i;

/**
 * The credit code in a message: one of the right shape, when the message names it as the credit
 * code or it holds a capital letter (an all-digit 18-character string may be an order number).
 */
export function creditCode(text: string): string | null {
  const labelled = CREDIT_CODE_LABEL.test(text);
  const found = text.toUpperCase().match(CREDIT_CODE) ?? [];
  return found.find((code) => labelled || /[A-Z]/.test(code)) ?? null;
}

/** Whether the 12315 letter still lacks the licence details (`askBusiness` asks for them). */
export function needsBusiness(c: OpenCase): boolean {
  return !(c.slots.businessName && c.slots.businessAddress);
}

/** Ask for the licence details when the record lacks them (a business seller only). */
export function askBusiness(turn: Turn, c: OpenCase): void {
  if (!needsBusiness(c)) return;
  // Buttons, not a blocking question: the answer is read whenever it comes on this rung.
  turn.push({ kind: 'info', key: 'ask.business', choiceSlot: 'business', text: turn.t('ask.business'), options: [{ value: 'skip', label: turn.t('business.skip') }] });
}

/**
 * The answer to the licence question: the name, address and shop name it gives go into the
 * record and the 12315 draft is written again. False when the message gives none of them.
 */
export function takeBusiness(turn: Turn, c: FollowingCase, text: string): boolean {
  if (isPrivateSeller(c.slots)) return false;
  const info = businessInfo(text);
  const s = c.slots;
  const filled: string[] = [];
  if (info.name && info.name !== s.businessName) {
    s.businessName = info.name;
    filled.push('businessName');
  }
  if (info.address && info.address !== s.businessAddress) {
    s.businessAddress = info.address;
    filled.push('businessAddress');
  }
  const code = creditCode(text);
  if (code && code !== s.businessCode && code !== s.orderId) {
    s.businessCode = code;
    filled.push('businessCode');
  }
  if (info.shop && info.shop !== s.shopName) {
    s.shopName = info.shop;
    filled.push('shopName');
  }
  if (filled.length === 0) return false;
  turn.state.pending = null;
  for (const slot of filled) record(turn, c, 'amended', { note: slot });
  const items = filled.map((k) => `${turn.t(`slot.${k}`)} ${s[k as 'businessName']}`).join(turn.t('list.sep'));
  turn.info('amend.redraft', { before: [turn.t('noted', { items })] });
  sendDraft(turn, c, 'regulator');
  return true;
}
