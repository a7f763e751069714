// Email addresses as calendars and partner records spell them: "MAILTO:Dana@Example.com",
// "mailto:dana@example.com", " <dana@example.com> " are one address.

/** Lower case, without `mailto:` and angle brackets; empty when it is not an address. */
export function normaliseEmail(value: string): string {
  const address = value
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : '';
}
