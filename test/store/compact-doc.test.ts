import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { UserState } from '../../src/domain/index.ts';
import { COMPACT_TABLES, compactDoc, parseDoc } from '../../src/store/compact-doc.ts';
import { EngineHarness } from '../helpers/engine-harness.ts';

/** Every object key in a zod schema, with the schema of its value (wrappers unwrapped). */
function keysOf(schema: z.ZodType, out = new Map<string, z.ZodType[]>()): Map<string, z.ZodType[]> {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def;
  const walk = (s: unknown) => keysOf(s as z.ZodType, out);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        out.set(k, [...(out.get(k) ?? []), v]);
        walk(v);
      }
      break;
    case 'pipe':
      walk(def.out);
      break;
    case 'default': case 'nullable': case 'optional':
      walk(def.innerType);
      break;
    case 'array':
      walk(def.element);
      break;
    case 'union':
      for (const o of def.options as z.ZodType[]) walk(o);
      break;
  }
  return out;
}

const SCHEMA_KEYS = keysOf(UserState as unknown as z.ZodType);

describe('compact working document', () => {
  it('has a code for every key of the state schema, and no code is a key', () => {
    const { CODES } = COMPACT_TABLES;
    expect([...SCHEMA_KEYS.keys()].filter((k) => k !== 'v' && !(k in CODES))).toEqual([]);
    const codes = Object.values(CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) {
      expect(c).toMatch(/^[A-Z0-9][A-Za-z0-9]?$/);
      expect(SCHEMA_KEYS.has(c)).toBe(false);
    }
    for (const k of SCHEMA_KEYS.keys()) expect(k).toMatch(/^[a-z]/);
  });

  it('leaves out only values the schema puts back: wherever such a key occurs, it has that default or cannot hold it', () => {
    for (const [key, value] of COMPACT_TABLES.DEFAULTS) {
      expect(SCHEMA_KEYS.has(key), key).toBe(true);
      for (const s of SCHEMA_KEYS.get(key)!) {
        const def = (s as unknown as { def: { type: string; defaultValue?: unknown } }).def;
        if (def.type === 'default') expect(def.defaultValue, key).toEqual(value);
        else expect(s.safeParse(value).success, `${key} has no default but could hold ${JSON.stringify(value)}`).toBe(false);
      }
    }
  });

  it('brings back the states of a conversation exactly, at a fraction of their JSON', () => {
    const h = new EngineHarness('2026-11-23T10:00:00.250+08:00');
    const states = [h.state];
    for (const text of ['我的快递有问题', '3916452812345678901', '杯子到手就碎了', '想退款', '卖家说24小时内给我答复', '/status']) {
      h.advance(7);
      h.send(text.startsWith('/') ? { type: 'command', command: text.slice(1) } : text);
      states.push(h.state);
    }
    h.tickHours(30);
    h.send('/lang en');
    h.send('resolved, thanks');
    h.send('/new');
    states.push(h.state);
    expect(h.state.closed.length).toBeGreaterThan(0);
    for (const state of states) {
      const doc = compactDoc(state);
      expect(UserState.parse(parseDoc(doc))).toEqual(state);
      // Open menus carry their option labels as text, which no key code shortens.
      expect(doc.length).toBeLessThan(JSON.stringify(state).length * 0.7);
    }
  });

  it('keeps an instant that is not in toISOString form as it was', () => {
    const state = { ...new EngineHarness().state, active: null, closed: [
      { id: 'c1', openedAt: '2026-11-22T10:00:00+08:00', closedAt: '2026-11-23T02:00:00.000Z', status: 'resolved' as const,
        orderId: null, problem: null, wants: null },
    ] };
    const doc = compactDoc(state);
    expect(doc).toContain('"2026-11-22T10:00:00+08:00"');
    expect(UserState.parse(parseDoc(doc))).toEqual(state);
  });

  it('reads a document stored as plain JSON before this form', () => {
    const plain = '{"v":2,"userId":"u1","locale":"zh-CN","localePinned":false,"timezone":null,"active":null,"closed":[],"caseSeq":3,"pending":null,"disclaimerShown":true}';
    expect(parseDoc(plain)).toEqual(JSON.parse(plain));
  });
});
