/**
 * A partner's code areas ("billing/**", "src/checkout/", "README.md") → git pathspecs relative to the
 * workspace folder. An area with glob characters becomes a `:(glob)` pathspec, anything else a plain
 * path prefix. Areas that could point outside the folder or carry pathspec magic are dropped.
 */
export function areaPathspecs(areas: readonly string[] | undefined): string[] {
  const specs: string[] = [];
  for (const area of areas ?? []) {
    const clean = normalizeArea(area);
    if (clean === undefined) continue;
    specs.push(/[*?[]/.test(clean) ? `:(glob)${clean}` : clean);
  }
  return [...new Set(specs)];
}

/** The area as typed, tidied ("./src\\checkout" → "src/checkout"), or undefined when it is not usable. */
export function normalizeArea(area: string): string | undefined {
  const clean = area
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
  if (!clean || clean.startsWith('/') || clean.startsWith(':') || /^[a-z]:/i.test(clean) || clean.split('/').includes('..'))
    return undefined;
  return clean;
}

/** "billing/**, src/checkout/" (as typed in Edit Partner) → the list, tidied; the invalid ones are reported. */
export function parseAreas(text: string): { areas: string[]; invalid: string[] } {
  const areas: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    if (!part.trim()) continue;
    const clean = normalizeArea(part);
    if (clean === undefined) invalid.push(part.trim());
    else if (!areas.includes(clean)) areas.push(clean);
  }
  return { areas, invalid };
}

/** The label of a partner's areas for the nudge: "billing/" from "billing/**". */
export function areaLabel(area: string): string {
  const cut = area.search(/[*?[]/);
  const head = cut < 0 ? area : area.slice(0, cut);
  return head || area;
}
