// Reading a year of a busy calendar: 2,000 VEVENTs (1,600 single meetings, 150 recurring ones — daily
// standups since years, weekly and fortnightly 1:1s, monthly reviews, with EXDATEs — and 250 moved
// occurrences), in two VTIMEZONEs, against 200 partners. Times the calendar reader (compiled src/core,
// ical.js) from the bytes to the suggestions: the default 14-day window (what the extension does on every
// read) and the whole year (every occurrence expanded). Median of the runs, after one warm-up run.
//   node scripts/bench/calendarBench.mjs [--runs 5] [--result <json>]
//
// The reader is bundled here with esbuild as scripts/build.mjs bundles it into dist/calendar.js (ical.js's
// ES module build, which is what the extension runs), into a temporary file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' }, result: { type: 'string' } } });
const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alliances-calendar-bench-'));
const bundle = path.join(scratch, 'calendar.cjs');
esbuild.buildSync({
  entryPoints: [path.join(repo, 'src', 'core', 'calendar', 'index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  outfile: bundle,
  logLevel: 'warning',
});
const calendar = require(bundle);
rmSync(scratch, { recursive: true, force: true });
const runs = Math.max(1, Number(args.runs));
const NOW = new Date('2026-12-01T17:00:00Z');
const DAY = 24 * 3600 * 1000;

/** A small deterministic generator (mulberry32): the same calendar every run. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = `BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\nDTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE`;

const pad = (n) => String(n).padStart(2, '0');
const local = (d) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const utc = (d) => `${local(d)}Z`;

export function busyYear() {
  const rand = random(42);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const people = Array.from({ length: 400 }, (_, i) => `person${i}@bench.example`);
  const partners = people
    .slice(0, 200)
    .map((email, i) => ({ id: `p${i}`, name: `Partner ${i}`, email: i % 3 === 0 ? email.toUpperCase() : email }));
  const attendees = (n) =>
    Array.from({ length: n }, () => {
      const stat = rand() < 0.1 ? 'DECLINED' : rand() < 0.2 ? 'TENTATIVE' : 'ACCEPTED';
      return `ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=${stat};CN=Someone:mailto:${pick(people)}`;
    });
  const me = 'ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED:mailto:me@bench.example';
  const events = [];
  const vevent = (lines) => events.push(['BEGIN:VEVENT', `DTSTAMP:${utc(NOW)}`, ...lines, 'END:VEVENT'].join('\r\n'));
  // 150 recurring masters and 250 overrides of theirs.
  const masters = [];
  for (let i = 0; i < 150; i++) {
    const zone = i % 2 === 0 ? 'America/New_York' : 'Europe/Berlin';
    const kind = i < 20 ? 'daily' : i < 80 ? 'weekly' : i < 120 ? 'fortnightly' : 'monthly';
    const yearsBack = kind === 'daily' ? 2 + (i % 7) : 1 + (i % 5);
    const start = new Date(NOW.getTime() - yearsBack * 365 * DAY - Math.floor(rand() * 30) * DAY);
    start.setUTCHours(9 + (i % 8), i % 2 === 0 ? 0 : 30, 0, 0);
    const rrule = {
      daily: 'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
      weekly: `FREQ=WEEKLY;BYDAY=${pick(['MO', 'TU', 'WE', 'TH', 'FR'])}`,
      fortnightly: 'FREQ=WEEKLY;INTERVAL=2',
      monthly: 'FREQ=MONTHLY;BYMONTHDAY=15',
    }[kind];
    const until = i % 10 === 0 ? `;UNTIL=${utc(new Date(NOW.getTime() - 60 * DAY))}` : '';
    const uid = `recurring-${i}@bench`;
    const exdates = Array.from(
      { length: 1 + (i % 3) },
      (_, k) => `EXDATE;TZID=${zone}:${local(new Date(start.getTime() + 7 * (k + 3) * DAY))}`,
    );
    vevent([
      `UID:${uid}`,
      `SUMMARY:Recurring ${kind} ${i}`,
      `DTSTART;TZID=${zone}:${local(start)}`,
      `DTEND;TZID=${zone}:${local(new Date(start.getTime() + 30 * 60_000))}`,
      `RRULE:${rrule}${until}`,
      ...exdates,
      'ORGANIZER:mailto:me@bench.example',
      me,
      ...attendees(1 + (i % 4)),
    ]);
    masters.push({ uid, zone, start, kind });
  }
  for (let i = 0; i < 250; i++) {
    const master = masters[(i % 60) + 20]; // weekly ones: an occurrence this year, moved by an hour
    const weeksAgo = 1 + (i % 50);
    const original = new Date(
      master.start.getTime() + Math.floor((NOW.getTime() - master.start.getTime()) / (7 * DAY) - weeksAgo) * 7 * DAY,
    );
    const moved = new Date(original.getTime() + 3600_000);
    vevent([
      `UID:${master.uid}`,
      `RECURRENCE-ID;TZID=${master.zone}:${local(original)}`,
      `SUMMARY:Moved ${i}`,
      `DTSTART;TZID=${master.zone}:${local(moved)}`,
      `DTEND;TZID=${master.zone}:${local(new Date(moved.getTime() + 30 * 60_000))}`,
      'ORGANIZER:mailto:me@bench.example',
      me,
      ...attendees(2),
    ]);
  }
  // 1,600 single meetings over the year, a few of them crowds.
  for (let i = 0; i < 1600; i++) {
    const start = new Date(NOW.getTime() - Math.floor(rand() * 365) * DAY);
    start.setUTCHours(8 + Math.floor(rand() * 9), rand() < 0.5 ? 0 : 30, 0, 0);
    vevent([
      `UID:single-${i}@bench`,
      `SUMMARY:Meeting ${i}`,
      `DTSTART:${utc(start)}`,
      `DTEND:${utc(new Date(start.getTime() + 45 * 60_000))}`,
      `ORGANIZER:mailto:${pick(people)}`,
      me,
      ...attendees(i % 40 === 0 ? 30 : 1 + Math.floor(rand() * 6)),
    ]);
  }
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Alliances//Bench//EN',
    'X-WR-CALNAME:me@bench.example',
    ZONES,
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  return { bytes: Buffer.from(text, 'utf8'), partners, events: events.length };
}

function once(bytes, partners, days) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const read = calendar.readCalendar(bytes, calendar.calendarWindow(NOW, days));
  const { suggestions } = calendar.suggestMeetings({
    meetings: read.meetings,
    partners,
    selfEmails: ['me@bench.example'],
    loggedOn: () => false,
    dismissed: new Set(),
  });
  const used = process.cpuUsage(cpu);
  return {
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    events: read.events,
    meetings: read.meetings.length,
    suggestions: suggestions.length,
    skipped: read.skipped.length,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (process.argv[1] !== fileURLToPath(import.meta.url)) process.exit(0);
const { bytes, partners, events } = busyYear();
const out = { events, bytes: bytes.length, runs };
for (const [name, days] of [
  ['window', 14],
  ['year', 365],
]) {
  once(bytes, partners, days); // warm-up
  const samples = Array.from({ length: runs }, () => once(bytes, partners, days));
  out[name] = {
    days,
    medianMs: median(samples.map((s) => s.ms)),
    // CPU time of this process: what the work costs, without the waiting on a busy machine.
    medianCpuMs: median(samples.map((s) => s.cpuMs)),
    samplesMs: samples.map((s) => s.ms),
    ...samples[0],
    ms: undefined,
    cpuMs: undefined,
  };
  console.log(
    `[calendar] ${name} (${days} days): ${out[name].medianMs.toFixed(1)} ms median of ${runs} (CPU ${out[name].medianCpuMs.toFixed(1)} ms); ${samples[0].events} events, ${samples[0].meetings} meetings in the window, ${samples[0].suggestions} suggestions`,
  );
}
if (args.result) writeFileSync(args.result, JSON.stringify(out, null, 2));
