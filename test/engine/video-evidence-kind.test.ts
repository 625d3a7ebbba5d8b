/**
 * A video the buyer sent is named as a video in the case file and the platform letter, also
 * when the channel delivered it as a picture with a caption saying it is a video; a still from a
 * video ("视频截图") stays a photo.
 */
import { describe, expect, it } from 'vitest';
import { caseFileContent } from '../../src/casefile/content.ts';
import { EngineHarness, drafts } from '../helpers/engine-harness.ts';

describe('a video captioned as one', () => {
  it('is logged, listed and cited as a video', () => {
    const h = new EngineHarness('2026-12-04T20:00:00+08:00');
    h.send('淘宝订单 3381920475561829374，蓝牙音箱一开大声就破音，想退货退款');
    h.advance(3);
    h.send({ type: 'media', kind: 'photo', caption: '音箱破音时录的视频', fileId: 'f1' });
    h.advance(1);
    h.send({ type: 'media', kind: 'photo', caption: '视频截图：音量调到最大', fileId: 'f2' });
    expect(h.state.active!.evidence.map((e) => e.kind)).toEqual(['video', 'photo']);
    const file = caseFileContent(h.state.active!, { locale: 'zh-CN', timezone: 'Asia/Shanghai', now: h.now });
    expect(file.evidence.entries[0]!.text).toMatch(/^视频 · 音箱破音时录的视频/);
    h.advance(60);
    const body = drafts(h.send('卖家说音箱没问题，不给退'), 'platform')[0]?.body ?? drafts(h.send('申请平台介入'), 'platform')[0]!.body;
    expect(body).toContain('音箱破音时录的视频（视频');
    expect(body).not.toContain('音箱破音时录的视频（照片');
  });
});
