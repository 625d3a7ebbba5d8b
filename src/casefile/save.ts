/**
 * Writing a `file` message's document into a folder, for the channels that have no upload:
 * the terminal chat and the scripted chat. Never overwrites: a second export on the same day
 * gets `-2`, `-3`… before the extension.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { renderFile, type CaseFile } from './index.ts';
import type { OutboundFile } from '../domain/index.ts';

/** Renders `file` and writes it under `dir` (created if missing). Returns where it went, `name` being the name it got. */
export async function saveFile(file: OutboundFile, dir: string): Promise<CaseFile & { path: string }> {
  const rendered = await renderFile(file);
  await mkdir(dir, { recursive: true });
  const ext = extname(rendered.name);
  const stem = rendered.name.slice(0, rendered.name.length - ext.length);
  for (let n = 1; ; n += 1) {
    const path = join(dir, n === 1 ? rendered.name : `${stem}-${n}${ext}`);
    try {
      await writeFile(path, rendered.bytes, { flag: 'wx' });
      return { ...rendered, name: basename(path), path };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
