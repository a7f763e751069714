// The demo's calendar (`npm start`) against the demo store: the suggestions a newcomer sees, with known
// answers, whatever day the demo is built on.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { calendarPartners, calendarWindow, loggedOnIn, readCalendar, suggestMeetings } from '../../src/core/calendar';
import { createDemoCalendar, DEMO_CALENDAR_FILE } from '../fixtures/demoCalendar';
import { createDemoStore } from '../fixtures/demoStore';
import { makeTempDir, removeTempDir } from './helpers';

describe('calendar: the demo workspace', () => {
  let dir: string | undefined;
  afterEach(() => removeTempDir(dir));

  for (const today of [new Date(2026, 10, 21, 9, 30), new Date(2027, 2, 29, 18, 0)])
    it(`suggests three meetings and leaves out three, built on ${today.toDateString()}`, async () => {
      dir = await makeTempDir();
      const store = await createDemoStore(dir, today);
      await fsp.mkdir(path.join(dir, '.git', 'info'), { recursive: true });
      await createDemoCalendar(dir, today);
      const settings = JSON.parse(await fsp.readFile(path.join(dir, '.vscode', 'settings.json'), 'utf8')) as Record<string, string>;
      assert.equal(settings['alliances.calendar.file'], DEMO_CALENDAR_FILE);
      assert.match(await fsp.readFile(path.join(dir, '.git', 'info', 'exclude'), 'utf8'), /^\.vscode\/$/m);
      const read = readCalendar(await fsp.readFile(path.join(dir, DEMO_CALENDAR_FILE)), calendarWindow(today, 14));
      const { suggestions, leftOut } = suggestMeetings({
        meetings: read.meetings,
        partners: calendarPartners(store),
        selfEmails: read.owner ? [read.owner] : [],
        loggedOn: loggedOnIn(store),
        dismissed: new Set(),
      });
      const name = (id: string) => store.partner(id)?.value.name.split(' ')[0];
      assert.deepEqual(
        suggestions.map((s) => [s.title, s.partnerIds.map(name).join('+')]),
        [
          ['Launch readiness', 'Dana+Kwame'],
          ['Intro: Acme and us', 'Elena'],
          ['Dana / Alex 1:1', 'Dana'],
        ],
      );
      assert.deepEqual(Object.fromEntries(leftOut), {
        'demo-vendor': 'declined',
        'demo-town-hall': 'too-large',
        'demo-kwame-renewals': 'logged',
      });
    });
});
