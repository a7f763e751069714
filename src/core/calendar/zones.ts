// A wall-clock time in an IANA time zone the calendar names but does not define (no VTIMEZONE: some
// exporters rely on the reader knowing "Europe/Berlin"), as an instant, through the platform's Intl.

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

function formatterOf(zone: string): Intl.DateTimeFormat | undefined {
  if (!formatters.has(zone)) {
    let formatter: Intl.DateTimeFormat | undefined;
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = undefined; // not a zone this platform knows (a Windows name without its VTIMEZONE)
    }
    formatters.set(zone, formatter);
  }
  return formatters.get(zone);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(formatter: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of a wall-clock time in `zone`, or undefined when the platform does not know the zone. */
export function zonedToDate(time: WallClock, zone: string): Date | undefined {
  const formatter = formatterOf(zone);
  if (!formatter) return undefined;
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  // Two steps settle the offset, also next to a daylight-saving change.
  let instant = wall - offsetAt(formatter, wall);
  instant = wall - offsetAt(formatter, instant);
  return new Date(instant);
}
