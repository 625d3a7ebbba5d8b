/**
 * A script call on one server goes out as RESP bytes built once (src/redis/support.ts,
 * `respCommand`): byte for byte what ioredis' own writer sends for the same command.
 */
import { Command } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { respCommand } from '../../src/redis/support.ts';

function ioredisBytes(name: string, args: Array<string | number | Buffer>): Buffer {
  const command = new Command(name, args.slice());
  const written = command.toWritable({});
  return typeof written === 'string' ? Buffer.from(written) : written;
}

describe('respCommand', () => {
  it('encodes as ioredis does: strings in UTF-8, numbers as ioredis writes them, bytes as they are', () => {
    const samples: Array<Array<string | number | Buffer>> = [
      [],
      ['a'.repeat(40), 5, 'shouhou:{u:tg:1}:state', '买家的话 "quoted" \\ \u0001', Buffer.from([0xff, 0x00, 0x80]), '', 'plain'],
      [0, -3, 1.5, 2 ** 60, -(2 ** 70), 1e21, 1e-7, Number.MAX_SAFE_INTEGER],
      ['x'.repeat(100_000), '😀 emoji', 'é', '\r\n'],
    ];
    for (let i = 0; i < 500; i++) {
      samples.push(Array.from({ length: i % 13 }, (_, j) => (j % 3 === 0 ? i * j : j % 3 === 1 ? `${'字'.repeat(i % 50)}${j}` : Buffer.alloc((i * j) % 300, j))));
    }
    for (const args of samples) {
      for (const name of ['evalsha', 'eval']) expect(respCommand(name, args).equals(ioredisBytes(name, args))).toBe(true);
    }
  });
});
