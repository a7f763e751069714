// Named to run last of the default suites (files run in name order): it adds partners to the shared
// workspace store, which the suites that count partners from an empty store must not see.
// From your calendar in a real VS Code: `alliances.calendar.file` names an .ics written relative to today;
// its meetings with partners appear under *From your calendar* (dist/calendar.js, loaded for it), the
// reminder mentions the newest, logging one writes a group check-in on the meeting's date and resets the
// partner's cadence, Dismiss persists (globalState) across a re-read, the watcher picks up a new export, and
// a broken export leaves no suggestions, one message, and the store byte for byte as it was.
// Self-contained: its partners have names no other suite uses; it clears the setting when done.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Loaded } from '../../src/core/store';
import type { CheckIn, Partner } from '../../src/core/model';
import type { AlliancesInternals } from '../../src/extension/testInternals';
import { buildIcs, daysAgo, type IcsEvent } from '../fixtures/calendar/buildIcs';
import { api, bundleLoaded, listFiles, renderTree, storeRoot, waitFor } from './helpers';

const QUILLA = { email: 'quilla.brightwater@calendar-suite.example', name: 'Quilla Brightwater' };
const ORRIN = { email: 'Orrin.Vale@Calendar-Suite.example', name: 'Orrin Vale' };
// The test workspace's git identity (test/harness/runIntegration.ts): the user, whose DECLINED counts.
const ME = { email: 'Tests@Alliances.invalid', name: 'Alliances Tests' };

function meetings(today: Date): IcsEvent[] {
  return [
    // Yesterday, both partners: the group check-in. The attendee's address in another case than the partner's.
    {
      uid: 'sync@suite',
      summary: 'Quarterly roadmap sync',
      start: daysAgo(today, 1, 11),
      minutes: 45,
      organizer: ME,
      attendees: [QUILLA, { ...ORRIN, email: ORRIN.email.toUpperCase() }],
    },
    { uid: 'coffee@suite', summary: 'Coffee with Quilla', start: daysAgo(today, 3, 9), minutes: 30, organizer: QUILLA, attendees: [ME] },
    {
      uid: 'declined@suite',
      summary: 'Orrin: vendor pitch',
      start: daysAgo(today, 2, 15),
      minutes: 30,
      organizer: ORRIN,
      attendees: [{ ...ME, partStat: 'DECLINED' }],
    },
    {
      uid: 'townhall@suite',
      summary: 'Town hall',
      start: daysAgo(today, 4, 16),
      minutes: 60,
      organizer: QUILLA,
      attendees: Array.from({ length: 20 }, (_, i) => ({ email: `person${i}@calendar-suite.example` })),
    },
  ];
}

describe('From your calendar: suggested check-ins in a real VS Code', function () {
  this.timeout(60_000);
  let alliances: AlliancesInternals;
  let dir: string;
  let file: string;
  let quilla: Loaded<Partner>;
  let orrin: Loaded<Partner>;
  const config = () => vscode.workspace.getConfiguration('alliances');
  const titles = () =>
    alliances
      .calendar()
      .suggestions()
      .map((s) => s.suggestion.title);

  before(async () => {
    alliances = await api();
    await vscode.commands.executeCommand('alliances.initializeStore');
    quilla = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: QUILLA.name,
      department: 'Finance',
      email: QUILLA.email,
      cadenceDays: 7,
    }))!;
    orrin = (await vscode.commands.executeCommand<Loaded<Partner>>('alliances.addPartner', {
      name: ORRIN.name,
      department: 'Legal',
      email: ORRIN.email.toLowerCase(),
      cadenceDays: 7,
    }))!;
    // Both last met a month ago: overdue on a 7-day cadence.
    for (const partner of [quilla, orrin])
      await alliances.service.findPartner(partner.value.id)?.entry.store.addCheckIn({
        partnerId: partner.value.id,
        kind: 'async',
        summary: 'A month ago',
        date: daysAgo(new Date(), 30, 10),
      });
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'alliances-calendar-'));
    file = path.join(dir, 'work.ics');
    await fsp.writeFile(file, buildIcs(meetings(new Date())));
  });

  after(async () => {
    await config().update('calendar.file', undefined, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(titles(), [], 'no suggestion left behind');
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it('shows the meetings with partners under From your calendar once the setting names the file', async () => {
    assert.ok(!bundleLoaded('calendar.js') || alliances.calendar().source === undefined, 'nothing read before the setting');
    await config().update('calendar.file', file, vscode.ConfigurationTarget.Workspace);
    await waitFor('the suggestions', () => alliances.calendar().suggestions().length === 2, 10_000);
    assert.ok(bundleLoaded('calendar.js'), 'the reader is the lazily loaded dist/calendar.js');
    // Newest first; the declined pitch and the 21-person town hall are left out.
    assert.deepEqual(titles(), ['Quarterly roadmap sync', 'Coffee with Quilla']);
    const items = await renderTree(alliances);
    const section = items.find((item) => item.contextValue === 'meetingSuggestions');
    assert.ok(section, `a From your calendar node: ${items.map((item) => item.label).join(' | ')}`);
    const rows = items.filter((item) => item.contextValue === 'meetingSuggestion');
    assert.deepEqual(
      rows.map((row) => row.label),
      ['Quarterly roadmap sync', 'Coffee with Quilla'],
    );
    assert.match(rows[0]?.description ?? '', /^Quilla Brightwater, Orrin Vale · /);
    assert.equal(rows[0]?.depth, section.depth + 1);
  });

  it('mentions the newest meeting in the one combined reminder', () => {
    const message = alliances.reminders.message() ?? '';
    if (vscode.env.language === 'en')
      assert.match(message, /^Alliances: You met Quilla and Orrin yesterday — log it\? 1 more meeting from your calendar to log\./);
    else assert.match(message, /Quilla.+Orrin/);
  });

  it('logs one in one click: a group check-in on the meeting date, the title as summary; the cadence starts again', async () => {
    const due = () => alliances.service.findPartner(quilla.value.id)?.view.due.status;
    const before = due();
    assert.equal(before, 'overdue', 'last met a month ago, on a 7-day cadence');
    const [first] = alliances.calendar().suggestions();
    assert.ok(first);
    const record = await vscode.commands.executeCommand<Loaded<CheckIn>>('alliances.logMeeting', first.suggestion.key, undefined, {
      rating: 4,
    });
    assert.ok(record);
    assert.equal(record.value.summary, 'Quarterly roadmap sync');
    assert.equal(record.value.date, first.suggestion.start.toISOString());
    assert.deepEqual(record.value.partnerIds, [quilla.value.id, orrin.value.id]);
    assert.equal(record.value.rating, 4);
    assert.equal(record.value.kind, 'one-on-one');
    const onDisk = JSON.parse(await fsp.readFile(record.path, 'utf8')) as CheckIn;
    assert.equal(onDisk.summary, 'Quarterly roadmap sync');
    await waitFor('the logged meeting to leave the suggestions', () => titles().join() === 'Coffee with Quilla');
    // The cadence counts from the meeting: Quilla was last met yesterday, not due for days.
    for (const partner of [quilla, orrin]) {
      const view = alliances.service.findPartner(partner.value.id)?.view;
      assert.equal(view?.lastCheckIn?.id, record.value.id);
      assert.ok(view && !['overdue', 'due'].includes(view.due.status), view?.due.status);
    }
    assert.notEqual(due(), before);
  });

  it('Dismiss hides a meeting on this machine (globalState, not the store) and it stays hidden after a re-read', async () => {
    const filesBefore = await listFiles(storeRoot());
    const [coffee] = alliances.calendar().suggestions();
    assert.ok(coffee);
    await vscode.commands.executeCommand('alliances.dismissMeeting', coffee.suggestion.key);
    assert.deepEqual(titles(), []);
    assert.deepEqual(await listFiles(storeRoot()), filesBefore, 'nothing written to the store');
    await alliances.calendar().useSetting();
    assert.deepEqual(titles(), []);
    assert.ok(!(await renderTree(alliances)).some((item) => item.contextValue === 'meetingSuggestions'), 'no empty section');
  });

  it('re-reads the file when a new export replaces it (the watcher)', async () => {
    const today = new Date();
    const next: IcsEvent = {
      uid: 'new@suite',
      summary: 'Orrin contract review',
      start: daysAgo(today, 0, 0),
      minutes: 20,
      organizer: ORRIN,
      attendees: [ME],
    };
    await fsp.writeFile(file, buildIcs([...meetings(today), next]));
    await waitFor('the new meeting', () => titles().includes('Orrin contract review'), 15_000);
  });

  it('a broken export (cut short) leaves no suggestions and one clear problem; the store is byte for byte as it was', async () => {
    const before = await snapshot(storeRoot());
    const text = await fsp.readFile(file, 'utf8');
    await fsp.writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    await waitFor('the problem', () => alliances.calendar().lastError, 15_000);
    assert.match(alliances.calendar().lastError ?? '', /work\.ics/);
    assert.deepEqual(titles(), []);
    assert.deepEqual(await snapshot(storeRoot()), before);
  });

  it('Import Meetings from Calendar… reads a chosen file; a Latin-1 one and a 100 MB one are refused, nothing written', async () => {
    const before = await snapshot(storeRoot());
    const good = path.join(dir, 'exported.ics');
    await fsp.writeFile(good, buildIcs(meetings(new Date())));
    // Coffee is dismissed and the sync is logged: nothing left to suggest.
    assert.equal(await vscode.commands.executeCommand<number>('alliances.importMeetings', vscode.Uri.file(good)), 0);
    assert.equal(alliances.calendar().source, good);
    const latin1 = path.join(dir, 'latin1.ics');
    await fsp.writeFile(latin1, Buffer.from(buildIcs(meetings(new Date())).replace('Coffee', 'Caf\u00e9'), 'latin1'));
    assert.equal(await vscode.commands.executeCommand('alliances.importMeetings', vscode.Uri.file(latin1)), undefined);
    assert.match(alliances.calendar().lastError ?? '', /latin1\.ics.*UTF-8/);
    // Sparse: 100 MB by its size, refused from the size alone.
    const huge = path.join(dir, 'huge.ics');
    await fsp.writeFile(huge, 'BEGIN:VCALENDAR\r\n');
    await fsp.truncate(huge, 100 * 1024 * 1024);
    assert.equal(await vscode.commands.executeCommand('alliances.importMeetings', vscode.Uri.file(huge)), undefined);
    assert.match(alliances.calendar().lastError ?? '', /huge\.ics.*100 MB/);
    assert.deepEqual(titles(), []);
    assert.deepEqual(await snapshot(storeRoot()), before);
  });

  it('remembers the dismissed meeting in globalState only', () => {
    assert.deepEqual(alliances.calendar().dismissed(), ['coffee@suite']);
  });
});

async function snapshot(root: string): Promise<Record<string, string>> {
  const files = await listFiles(root);
  const out: Record<string, string> = {};
  for (const file of files) out[file] = (await fsp.readFile(path.join(root, file))).toString('base64');
  return out;
}
