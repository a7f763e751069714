// Bidi controls, zero-width and control characters in store text are shown, never obeyed
// (src/core/visibleText.ts, docs/decisions/invisible-characters.md): the rule itself, then the
// human-readable outputs built from a hand-written store (Markdown reports, the digest, the dashboard
// report, tree items) — and the store's bytes, unchanged by any of it.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { computeDigest, formatDigest } from '../../src/core/digest';
import { partnerReport, storeReport } from '../../src/core/markdownReport';
import { computeDashboard } from '../../src/core/stats/dashboard';
import { statsInput } from '../../src/core/stats/fromStore';
import { dashboardReport, mdText } from '../../src/core/stats/report';
import type { Store } from '../../src/core/store';
import { hasInvisible, marker, visible } from '../../src/core/visibleText';
import { shownPicks, visiblePickItem, visibleTreeItem } from '../../src/extension/shared/displayText';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';
import { checkInRecord, listFiles, makeStore, makeTempDir, newId, partnerRecord, pretty, removeTempDir, writeFile } from './helpers';

/** Any character that reorders or hides text, or is not text: what no shown string may still hold. */
const ACTING = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

describe('visible(): invisible and bidi characters are shown, not obeyed', () => {
  it('shows the right-to-left override of "\\u202Eevil\\u202C.txt" instead of reading "live.txt"', () => {
    assert.equal(visible('\u202Eevil\u202C.txt'), '⟨U+202E⟩evil⟨U+202C⟩.txt');
    assert.equal(marker(0x202e), '⟨U+202E⟩');
    assert.equal(marker(0x7), '⟨U+0007⟩');
    assert.equal(marker(0xe0001), '⟨U+E0001⟩');
  });

  const classes: [string, number[]][] = [
    ['bidi embeddings and overrides', [0x202a, 0x202b, 0x202c, 0x202d, 0x202e]],
    ['bidi isolates', [0x2066, 0x2067, 0x2068, 0x2069]],
    ['bidi marks', [0x200e, 0x200f, 0x061c]],
    ['zero-width characters', [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]],
    ['other format characters', [0x00ad, 0x180e, 0x2061, 0x2064, 0x206a, 0x206f, 0xfff9, 0xfffb, 0x1d173, 0xe0001, 0xe0041]],
    ['C0 controls and DEL', [0x00, 0x07, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x7f]],
    ['C1 controls', [0x80, 0x85, 0x9b, 0x9f]],
    ['line and paragraph separators', [0x2028, 0x2029]],
    ['Hangul fillers (draw nothing)', [0x115f, 0x1160, 0x3164, 0xffa0]],
  ];
  for (const [name, codePoints] of classes)
    it(`shows ${name} as ⟨U+…⟩ between Latin letters`, () => {
      for (const codePoint of codePoints) {
        const shown = visible(`a${String.fromCodePoint(codePoint)}b`);
        assert.equal(shown, `a${marker(codePoint)}b`, `U+${codePoint.toString(16)}`);
      }
    });

  it('shows a lone surrogate (invalid UTF-16 from a hand-edited "\\ud800") by its code', () => {
    assert.equal(visible('x\ud800y'), 'x⟨U+D800⟩y');
    assert.equal(visible('x\udfffy'), 'x⟨U+DFFF⟩y');
  });

  it('returns plain text as it is, the very same string (the 1,000-row tree calls it for every row)', () => {
    for (const text of [
      '',
      'Dana Whitfield',
      'Product · every 14 days',
      '<script>alert(1)</script>',
      '~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./',
    ]) {
      assert.equal(visible(text), text);
      assert.equal(hasInvisible(text), false);
    }
  });

  it('leaves accents, combining marks, emoji (ZWJ, skin tones, flags, keycaps) and real right-to-left text untouched', () => {
    const real = [
      'Zoë Müller-Lüdenscheidt, Åsa, Łukasz, Ðorđe',
      'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇', // combining marks
      'e\u0301 n\u0303 a\u034F\u0308', // decomposed accents and the combining grapheme joiner (a mark, not a format character)
      '😀 👍🏽 👩\u200D💻 👨\u200D👩\u200D👧\u200D👦 🏳️\u200D🌈 🧑🏿\u200D🚀 ❤️ 1️⃣ 🇩🇪 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      'محمد عبد الله', // Arabic
      'فاطمة الزهراء ١٢٣ \u0600١٢', // Arabic with Arabic-Indic digits and the number sign (a format character that draws)
      'דוד בן־גוריון', // Hebrew
      'می\u200Cخواهم', // Persian: ZWNJ inside a word
      'क्\u200Dष', // Devanagari: ZWJ inside a conjunct
      'ന്\u200D', // Malayalam chillu with ZWJ
      '李小龍 東京 서울', // CJK
      'Ελένη Ιωάννου, Дмитрий',
    ];
    for (const text of real) assert.equal(visible(text), text, text);
  });

  it('shows a joiner that sits beside Latin letters, spaces or at the ends, even in a joining script', () => {
    assert.equal(visible('Pay\u200Dpal'), 'Pay⟨U+200D⟩pal');
    assert.equal(visible('a\u200Cb'), 'a⟨U+200C⟩b');
    assert.equal(visible('\u200Cمحمد'), '⟨U+200C⟩محمد');
    assert.equal(visible('محمد\u200D'), 'محمد⟨U+200D⟩');
    assert.equal(visible('محمد \u200C علي'), 'محمد ⟨U+200C⟩ علي');
    assert.equal(visible('😀\u200Da'), '😀⟨U+200D⟩a');
  });

  it('shows bidi controls inside real Arabic and Hebrew text, and leaves the letters alone', () => {
    assert.equal(visible('\u2067محمد\u2069 (Sales)'), '⟨U+2067⟩محمد⟨U+2069⟩ (Sales)');
    assert.equal(visible('שלום\u200F!'), 'שלום⟨U+200F⟩!');
    assert.equal(visible('\u061Cفاطمة'), '⟨U+061C⟩فاطمة');
  });

  it('keeps tab and line breaks in multi-line text only (notes, whole reports); a label shows them', () => {
    assert.equal(visible('one\ntwo\r\n\tthree'), 'one⟨U+000A⟩two⟨U+000D⟩⟨U+000A⟩⟨U+0009⟩three');
    assert.equal(visible('one\ntwo\r\n\tthree', { multiline: true }), 'one\ntwo\r\n\tthree');
    assert.equal(visible('one\u2028two\u0007\u202E', { multiline: true }), 'one⟨U+2028⟩two⟨U+0007⟩⟨U+202E⟩');
  });

  it('is idempotent, and leaves nothing that acts in any shared hostile payload', () => {
    // The zero-width non-joiner inside the Persian word of one payload is spelling, and stays.
    const persian = /\u06CC\u200C\u062E/g;
    for (const { name, text } of HOSTILE_PAYLOADS) {
      const shown = visible(text).replace(persian, '');
      assert.equal(visible(visible(text)), visible(text), name);
      assert.ok(!ACTING.test(shown), `${name}: ${JSON.stringify(shown.slice(0, 80))}`);
      assert.ok(
        !ACTING.test(
          visible(text, { multiline: true })
            .replace(persian, '')
            .replace(/[\n\r\t]/g, ''),
        ),
        `${name} (multi-line)`,
      );
    }
    const bidi = HOSTILE_PAYLOADS.find((payload) => payload.name === 'bidi override');
    assert.equal(visible(bidi!.text), 'Invoice for ⟨U+202E⟩exe.fdp⟨U+202C⟩ and ⟨U+2067⟩reversed⟨U+2069⟩ ⟨U+200F⟩');
  });

  it('is fast on plain text: 100,000 labels in well under a second', () => {
    const started = process.hrtime.bigint();
    let length = 0;
    for (let i = 0; i < 100_000; i++) length += visible(`Partner ${i % 1000} · Product · overdue by 3 days`).length;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(length > 0);
    assert.ok(ms < 500, `${ms} ms`);
  });
});

describe('visible(): every human-readable output of a store holding bidi and zero-width text', () => {
  let dir: string;
  let root: string;
  let store: Store;
  let partnerId: string;
  let bytesBefore: Map<string, Buffer>;
  const NAME = 'Ev\u200Be \u202Eevil\u202C';
  const DEPARTMENT = '\u202Eevil\u202C.txt';
  const SHOWN_NAME = 'Ev⟨U+200B⟩e ⟨U+202E⟩evil⟨U+202C⟩';
  const SHOWN_DEPARTMENT = '⟨U+202E⟩evil⟨U+202C⟩.txt';
  const options = { now: new Date(2026, 10, 21, 9), defaultCadenceDays: 14, siloDays: 5 };

  /** Every file of the store, by relative path, as bytes. */
  const snapshot = async (): Promise<Map<string, Buffer>> => {
    const files = await listFiles(root);
    return new Map(await Promise.all(files.map(async (file) => [file, await fsp.readFile(path.join(root, file))] as const)));
  };

  before(async () => {
    dir = await makeTempDir('alliances-visible-');
    root = path.join(dir, '.alliances');
    store = makeStore(root);
    await store.initialize();
    partnerId = newId();
    // Written by hand, as a stranger's commit would: the store never wrote these characters itself.
    await writeFile(
      root,
      `partners/evil-${partnerId}.json`,
      pretty(partnerRecord(partnerId, { name: NAME, department: DEPARTMENT, role: 'Lead\u2066 \u2069', leads: ['Bill\u00ADing'] })),
    );
    const checkInId = newId();
    await writeFile(
      root,
      `checkins/2026/${checkInId}.json`,
      pretty(
        checkInRecord(checkInId, partnerId, {
          date: '2026-10-01T10:00:00.000Z',
          summary: 'Pay \u202E0001\u202C dollars',
          notes: 'line one\nline \u2067two\u2069',
          author: { name: 'Mal\u200Dlory' },
        }),
      ),
    );
    await store.load();
    assert.equal(store.partner(partnerId)?.value.department, DEPARTMENT, 'the store holds the characters as written');
    bytesBefore = await snapshot();
  });

  after(() => removeTempDir(dir));

  it('the store Markdown report shows the markers (names, departments, summaries, authors, notes)', () => {
    const report = storeReport(store, options);
    assert.ok(report.includes(SHOWN_NAME), report);
    assert.ok(report.includes(SHOWN_DEPARTMENT), report);
    assert.ok(report.includes('Pay ⟨U+202E⟩0001⟨U+202C⟩ dollars'), report);
    assert.ok(report.includes('Mal⟨U+200D⟩lory'), report);
    assert.ok(report.includes('  > line ⟨U+2067⟩two⟨U+2069⟩'), report);
    assert.ok(report.includes('Bill⟨U+00AD⟩ing'), report);
    assert.ok(!ACTING.test(report.replace(/\n/g, '')), JSON.stringify(report));
  });

  it('the partner Markdown report too', () => {
    const report = partnerReport(store, partnerId, options);
    assert.ok(report.startsWith(`# ${SHOWN_NAME}\n`), report);
    assert.ok(report.includes('Lead⟨U+2066⟩ ⟨U+2069⟩'), report);
    assert.ok(!ACTING.test(report.replace(/\n/g, '')), JSON.stringify(report));
  });

  it('the command-line digest (plain text) too; its JSON (data for programs) keeps the characters', () => {
    const digest = computeDigest(store, options);
    const text = formatDigest(digest);
    assert.ok(text.includes(`${SHOWN_NAME} (${SHOWN_DEPARTMENT})`), text);
    assert.ok(!ACTING.test(text.replace(/\n/g, '')), JSON.stringify(text));
    assert.equal(digest.due[0]?.name, NAME, 'the digest data is exact');
  });

  it('the dashboard Markdown report, and mdText() it escapes inline text with', () => {
    const report = dashboardReport(computeDashboard(statsInput([store], 14, options.now), {}, { siloDays: 5 }));
    assert.ok(report.includes(SHOWN_DEPARTMENT), report);
    assert.ok(report.includes(SHOWN_NAME), report);
    assert.ok(!ACTING.test(report.replace(/\n/g, '')), JSON.stringify(report));
    assert.equal(mdText('a\u202Eb\uFEFF\nc'), 'a⟨U+202E⟩b⟨U+FEFF⟩ c');
  });

  it('tree items: label, description, tooltip (plain and Markdown) and screen-reader label, never id or context', () => {
    const tooltip = { value: `**${NAME}**\n\n${DEPARTMENT}`, isTrusted: false };
    const item = visibleTreeItem({
      id: `partner:${partnerId}:${NAME}`,
      label: NAME,
      description: DEPARTMENT,
      tooltip,
      contextValue: 'partner.active',
      accessibilityInformation: { label: `${NAME}, ${DEPARTMENT}` },
    });
    assert.equal(item.label, SHOWN_NAME);
    assert.equal(item.description, SHOWN_DEPARTMENT);
    assert.equal(tooltip.value, `**${SHOWN_NAME}**\n\n${SHOWN_DEPARTMENT}`, 'the Markdown tooltip, line breaks kept');
    assert.equal(item.accessibilityInformation?.label, `${SHOWN_NAME}, ${SHOWN_DEPARTMENT}`);
    assert.equal(item.id, `partner:${partnerId}:${NAME}`, 'the id is identity, not display');
    assert.equal(
      visibleTreeItem({ label: { label: DEPARTMENT }, tooltip: `${NAME}\n${DEPARTMENT}` }).tooltip,
      `${SHOWN_NAME}\n${SHOWN_DEPARTMENT}`,
    );
    assert.deepEqual(visibleTreeItem({ label: { label: DEPARTMENT } }).label, { label: SHOWN_DEPARTMENT });
  });

  it('quick-pick items: a shown copy with the same other fields; plain items are returned as they are', () => {
    const raw = { label: NAME, description: DEPARTMENT, detail: `Lead · ${DEPARTMENT}`, id: partnerId };
    const shown = visiblePickItem(raw);
    assert.deepEqual(shown, { label: SHOWN_NAME, description: SHOWN_DEPARTMENT, detail: `Lead · ${SHOWN_DEPARTMENT}`, id: partnerId });
    assert.equal(raw.label, NAME, 'the caller’s item (its label may be the value to store) is not changed');
    const plain = { label: 'Product', id: 'x' };
    assert.equal(visiblePickItem(plain), plain);
  });

  it('a quick pick shows the copies and hands back the caller’s items (a department pick stores the raw label)', () => {
    const items = [{ label: DEPARTMENT }, { label: 'Product' }];
    const { show, original } = shownPicks<{ label: string }>();
    const shown = items.map(show);
    assert.deepEqual(
      shown.map((item) => item.label),
      [SHOWN_DEPARTMENT, 'Product'],
    );
    assert.equal(show(items[0]), shown[0], 'the same copy each time (activeItems, selectedItems)');
    assert.equal(original(shown[0]), items[0]);
    assert.equal(original(shown[1]), items[1]);
    assert.equal(original(shown[0]).label, DEPARTMENT);
  });

  it('leaves every byte of the store as it was (display only)', async () => {
    storeReport(store, { ...options, includePrivate: true });
    formatDigest(computeDigest(store, options));
    const after = await snapshot();
    assert.deepEqual([...after.keys()], [...bytesBefore.keys()]);
    for (const [file, bytes] of bytesBefore) assert.ok(after.get(file)?.equals(bytes), `${file} changed`);
    const partnerFile = [...bytesBefore.keys()].find((file) => file.startsWith('partners/'))!;
    assert.ok(bytesBefore.get(partnerFile)?.includes(Buffer.from(DEPARTMENT)), 'the file holds the raw characters');
  });
});
