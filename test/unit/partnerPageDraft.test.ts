// A draft restored from stale webview state is dropped when it was already saved as a check-in.
import { strict as assert } from 'node:assert';
import { savedAs } from '../../src/webview/partnerPage/drafts';
import { emptyForm, type PageData } from '../../src/webview/protocol';

const checkIn = (summary: string, date: string): PageData['checkIns'][number] => ({
  id: '01kaj3m5x2q8v9c0b1n2d3e4f5',
  date,
  dateLabel: date.slice(0, 10),
  author: 'Ada',
  kind: 'one-on-one',
  kindLabel: '1:1',
  summary,
  private: false,
});

describe('partner page: restored drafts', () => {
  const draft = { ...emptyForm(), summary: '  Launch plan agreed ' };
  const started = '2026-11-21T09:00:00.000Z';

  it('recognises a draft saved after it was started (same summary)', () => {
    const saved = checkIn('Launch plan agreed', '2026-11-21T09:05:00.000Z');
    assert.equal(savedAs(draft, started, [checkIn('Other', '2026-11-21T09:06:00.000Z'), saved]), saved);
  });

  it('keeps drafts that are not saved yet, or only resemble an older check-in', () => {
    assert.equal(savedAs(draft, started, [checkIn('Launch plan agreed', '2026-11-20T09:00:00.000Z')]), undefined);
    assert.equal(savedAs(draft, started, [checkIn('Launch plan agreed later', '2026-11-21T09:05:00.000Z')]), undefined);
    assert.equal(savedAs(draft, undefined, [checkIn('Launch plan agreed', '2026-11-21T09:05:00.000Z')]), undefined);
    assert.equal(savedAs({ ...draft, summary: ' ' }, started, [checkIn('', '2026-11-21T09:05:00.000Z')]), undefined);
  });
});
