// Short dates shown in the UI follow the display language (Intl, full ICU in Node and the extension
// host); the fixed English form stays for shared files and whenever no display language is set (the CLI).
import { strict as assert } from 'node:assert';
import { computeDueState, dueStateLabel, formatShortDate } from '../../src/core/cadence';
import { displayMonthDay, monthDay, setDisplayLocale } from '../../src/core/dates';
import type { Partner } from '../../src/core/model';
import { english } from '../../src/core/translator';

const DEC_2 = new Date(2027, 11, 2, 15, 30);
const TODAY = new Date(2027, 10, 21, 9, 0);
const short = (locale: string, withYear = false) =>
  new Intl.DateTimeFormat(locale, withYear ? { month: 'short', day: 'numeric', year: 'numeric' } : { month: 'short', day: 'numeric' });

describe('short dates in the display language', () => {
  afterEach(() => setDisplayLocale(undefined));

  it('without a display language (Node, the CLI), and in English: the fixed English form', () => {
    for (const locale of [undefined, 'en', 'en-US', 'EN-us']) {
      setDisplayLocale(locale);
      assert.equal(displayMonthDay(DEC_2), 'Dec 2', String(locale));
      assert.equal(displayMonthDay(DEC_2, true), 'Dec 2, 2027', String(locale));
      assert.equal(formatShortDate(DEC_2, TODAY), 'Dec 2');
    }
  });

  it('German, Japanese, Brazilian Portuguese: what ICU says for that language', () => {
    for (const locale of ['de', 'ja', 'pt-br']) {
      setDisplayLocale(locale);
      assert.equal(displayMonthDay(DEC_2), short(locale).format(DEC_2), locale);
      assert.equal(displayMonthDay(DEC_2, true), short(locale, true).format(DEC_2), locale);
      assert.notEqual(displayMonthDay(DEC_2), 'Dec 2', `${locale} is not English`);
      // With the year only when it is not this year, as in English.
      assert.equal(formatShortDate(DEC_2, TODAY), short(locale).format(DEC_2));
      assert.equal(formatShortDate(DEC_2, new Date(2026, 0, 1)), short(locale, true).format(DEC_2));
    }
  });

  it('a language ICU does not know (the qps-ploc pseudo-locale) or an invalid tag: English, no exception', () => {
    for (const locale of ['qps-ploc', 'not a tag!', '']) {
      setDisplayLocale(locale);
      assert.equal(displayMonthDay(DEC_2), 'Dec 2', locale);
    }
  });

  it('monthDay() and the `english` translator stay fixed English whatever the display language (shared files)', () => {
    setDisplayLocale('de');
    assert.equal(monthDay(DEC_2), 'Dec 2');
    assert.equal(monthDay(DEC_2, true), 'Dec 2, 2027');
    assert.equal(formatShortDate(DEC_2, TODAY, english), 'Dec 2');
    const partner: Partner = {
      schemaVersion: 1,
      id: '01kaj3m5x2q8v9c0b1n2d3e4f5',
      name: 'Dana',
      department: 'Product',
      snoozedUntil: '2027-12-02',
      createdAt: '2027-01-05T10:00:00.000Z',
      updatedAt: '2027-01-05T10:00:00.000Z',
      author: { name: 'Ada' },
    };
    const due = computeDueState(partner, undefined, 14, TODAY);
    assert.equal(dueStateLabel(due, TODAY, english), 'snoozed until Dec 2');
    assert.equal(due.label, `snoozed until ${short('de').format(DEC_2)}`, 'the UI label (no bundle here: English words, German date)');
  });

  it('formats are made once per language, not per date (due labels are computed for every partner)', () => {
    const original = Intl.DateTimeFormat;
    let created = 0;
    const counting = new Proxy(original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        created++;
        return new target(...args);
      },
    });
    Intl.DateTimeFormat = counting;
    try {
      setDisplayLocale('fr');
      const afterSetting = created;
      for (let day = 0; day < 1000; day++) displayMonthDay(new Date(2027, 0, 1 + day), day % 2 === 0);
      assert.equal(created, afterSetting, 'no formatter created per call');
      assert.ok(afterSetting <= 2, `${afterSetting} formatters for one language`);
    } finally {
      Intl.DateTimeFormat = original;
    }
  });
});
