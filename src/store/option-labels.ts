/**
 * The label a menu option of the working document would have if the engine took it from the
 * wording catalogue, found from the menu's slot, the option's value and the buyer's locale
 * alone. The compact document stores such an option as its value only (compact-doc.ts): an
 * option whose label is anything else (another locale's, a hand-made one) keeps its label.
 *
 * The rule mirrors where src/engine takes option labels from (`dialogue.<slot>.<value>`, with
 * the follow-up and seller-reply menus under their own prefixes, yes / no at the top, and the
 * "none of these" reading under `confirm.other`), but nothing depends on it being complete:
 * an option is stored without its label only when this function gives that label back exactly.
 */
import { tIn } from '../i18n/index.ts';
import { LOCALES, type Locale } from '../domain/index.ts';

/** Where a slot's option labels live in the `dialogue` wordings, when not under the slot's own name. */
const PREFIXES: Readonly<Record<string, string>> = {
  nextStep: 'followup.', confirmReply: 'reply.', confirmOrderId: '', confirmForget: '',
};

/** Values labelled by one wording whatever the slot. */
const BY_VALUE: Readonly<Record<string, string>> = { more: 'confirm.other' };

/** locale → slot → value → label (null: the catalogue has none). Slots and values are the engine's codes, a small set. */
const cache = new Map<Locale, Map<string, Map<string, string | null>>>();
/** Past this many values of one slot (only a damaged document has them) labels are looked up, not kept. */
const CACHED_PER_SLOT = 64;

/**
 * The catalogue's label for `value` in a menu for `slot`, in `locale` (the engine's own
 * fallback, zh-CN, when the buyer's locale is not known yet); null when the catalogue has none.
 *
 * @example optionLabel('zh-CN', 'wants', 'refund') // '退款'
 */
export function optionLabel(locale: string | null, slot: string, value: string): string | null {
  const loc: Locale = locale === null ? 'zh-CN' : (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'zh-CN';
  if (locale !== null && loc !== locale) return null;
  let bySlot = cache.get(loc);
  if (!bySlot) cache.set(loc, (bySlot = new Map()));
  let byValue = bySlot.get(slot);
  if (!byValue) {
    byValue = new Map();
    if (bySlot.size < CACHED_PER_SLOT) bySlot.set(slot, byValue);
  }
  let label = byValue.get(value);
  if (label === undefined) {
    const key = Object.hasOwn(BY_VALUE, value) ? BY_VALUE[value]! : `${Object.hasOwn(PREFIXES, slot) ? PREFIXES[slot] : `${slot}.`}${value}`;
    try {
      label = tIn(loc, 'dialogue', key);
    } catch {
      label = null; // no such wording
    }
    if (byValue.size < CACHED_PER_SLOT) byValue.set(value, label);
  }
  return label;
}
