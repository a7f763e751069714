// The few date formats Alliances writes and shows, by hand: date-fns' format() would bring its whole
// formatter and the en-US locale (about 20 KB of the bundle) for three fixed patterns. Short dates shown
// in the UI follow the display language through Intl (the extension host's Node has full ICU).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-MM-dd of a date's local calendar day. */
export function calendarDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Dec 2", or with the year: "Dec 2, 2027": fixed English, for files teammates share or scripts read. */
export function monthDay(date: Date, withYear = false): string {
  const text = `${MONTHS[date.getMonth()]} ${date.getDate()}`;
  return withYear ? `${text}, ${date.getFullYear()}` : text;
}

/**
 * Short dates in the UI follow VS Code's display language; undefined: the fixed English form. Creating
 * an Intl.DateTimeFormat is slow (tens of µs), so there is one per form, made once per language.
 */
let displayFormats: { short: Intl.DateTimeFormat; withYear: Intl.DateTimeFormat } | undefined;

/**
 * Sets the language of short dates shown in the UI (a BCP 47 tag such as "de" or "pt-br"). English, or
 * a tag ICU does not know, keeps the fixed English form. Never set in the CLI: its output stays English.
 */
export function setDisplayLocale(locale: string | undefined): void {
  displayFormats = undefined;
  if (!locale || /^en(-us)?$/i.test(locale)) return;
  try {
    const [supported] = Intl.DateTimeFormat.supportedLocalesOf(locale);
    // ICU falls back to the process's language for a tag it does not know (qps-ploc): English instead.
    if (!supported) return;
    displayFormats = {
      short: new Intl.DateTimeFormat(supported, { month: 'short', day: 'numeric' }),
      withYear: new Intl.DateTimeFormat(supported, { month: 'short', day: 'numeric', year: 'numeric' }),
    };
  } catch {
    // An invalid tag: English.
  }
}

/** monthDay() in the display language, for text shown in the UI: "2. Dez." in German. */
export function displayMonthDay(date: Date, withYear = false): string {
  if (!displayFormats) return monthDay(date, withYear);
  return (withYear ? displayFormats.withYear : displayFormats.short).format(date);
}

const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a date's local calendar day. Day numbers make calendar-day arithmetic plain
 * integer arithmetic, safe across daylight-saving changes, without date-fns' allocations (due states are
 * computed for every partner on each change).
 */
export function localDayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** localDayNumber() of a time in milliseconds. */
export function dayNumber(time: number): number {
  return localDayNumber(new Date(time));
}

/** The local day of a stored date: a calendar date (yyyy-MM-dd, that day) or a timestamp (its local day). */
export function dayNumberOfText(text: string): number {
  const match = CALENDAR_DATE.exec(text);
  if (match) return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS);
  return localDayNumber(new Date(text));
}

/** Local midnight at the start of a day number. */
export function startOfDayNumber(day: number): Date {
  const utc = new Date(day * DAY_MS);
  const year = utc.getUTCFullYear();
  if (!(year >= 0 && year < 100)) return new Date(year, utc.getUTCMonth(), utc.getUTCDate());
  // The constructor would read years 0–99 as 1900–1999; only "0100-00-15"-like texts get here.
  const start = new Date(2000, 0, 1);
  start.setFullYear(year, utc.getUTCMonth(), utc.getUTCDate());
  return start;
}
