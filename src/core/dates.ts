// The few date formats Alliances writes and shows, by hand: date-fns' format() would bring its whole
// formatter and the en-US locale (about 20 KB of the bundle) for three fixed patterns.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-MM-dd of a date's local calendar day. */
export function calendarDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Dec 2", or with the year: "Dec 2, 2027". */
export function monthDay(date: Date, withYear = false): string {
  const text = `${MONTHS[date.getMonth()]} ${date.getDate()}`;
  return withYear ? `${text}, ${date.getFullYear()}` : text;
}
