// The partner page's filter by author: who wrote check-ins, talking points and follow-ups. Pure (no
// DOM), so it is unit-tested in Node.
import type { PageData } from '../protocol';

/** Everyone who wrote something on the page, most active first, then by name. */
export function authorsOf(data: PageData): string[] {
  const counts = new Map<string, number>();
  const add = (name: string | undefined) => {
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  for (const c of data.checkIns) add(c.author);
  for (const p of data.talkingPoints) add(p.author);
  for (const f of data.followUps) add(f.author);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** The page data with only one author's check-ins, talking points and follow-ups (everything when undefined). */
export function filterByAuthor(data: PageData, author: string | undefined): PageData {
  if (author === undefined) return data;
  return {
    ...data,
    checkIns: data.checkIns.filter((c) => c.author === author),
    talkingPoints: data.talkingPoints.filter((p) => p.author === author),
    followUps: data.followUps.filter((f) => f.author === author),
  };
}
