// Small calendars for the calendar tests, written inline (the real-looking exports are test/fixtures/calendar).

/** A minimal calendar around some VEVENTs. */
export function ics(...events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
}

/** A VEVENT with Dana as an attendee and the given lines. */
export function event(uid: string, ...lines: string[]): string {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260301T000000Z',
    ...lines,
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:dana@example.com',
    'END:VEVENT',
  ].join('\r\n');
}
