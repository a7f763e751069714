// Which changed files fall inside a code area, decided here (pure) the way git's pathspecs decide it
// (src/core/codeAreas.ts `areaPathspecs`): an area without glob characters is a path or a folder prefix
// ("src/billing" and "src/billing/" both match "src/billing/invoice.ts", not "src/billingx.ts"); an area
// with them is matched against the whole path like `:(glob)`: `*` and `?` stay inside one folder, `**/`
// is any number of folders, a trailing `/**` everything inside. test/unit/gitImpact.test.ts checks that
// git and this agree.
import { normalizeArea } from '../codeAreas';

export type AreaMatcher = (file: string) => boolean;

const compiled = new Map<string, AreaMatcher>();
const MAX_AREA_LENGTH = 500;

/** The matcher of one area as typed (tidied like the pathspecs), or undefined when it is not usable. */
export function areaMatcher(area: string): AreaMatcher | undefined {
  const clean = normalizeArea(area);
  // The schema's limit (schemaParts.ts codeAreasSchema): a longer one is from a hand-edited file, never matched.
  if (clean === undefined || clean.length > MAX_AREA_LENGTH) return undefined;
  let matcher = compiled.get(clean);
  if (!matcher) {
    matcher = /[*?[]/.test(clean) ? globMatcher(clean) : prefixMatcher(clean);
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(clean, matcher);
  }
  return matcher;
}

function prefixMatcher(area: string): AreaMatcher {
  const exact = area.replace(/\/+$/, '');
  const folder = `${exact}/`;
  return (file) => file === exact || file.startsWith(folder);
}

function globMatcher(area: string): AreaMatcher {
  const regex = new RegExp(`^${globSource(area)}$`, 'u');
  return (file) => regex.test(file);
}

const escape = (ch: string) => ch.replace(/[\\^$.|+(){}[\]*?]/g, '\\$&');

/** The regular expression of a glob, in git's wildmatch dialect (with WM_PATHNAME). */
export function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*') {
      const double = glob[i + 1] === '*';
      const atStart = i === 0 || glob[i - 1] === '/';
      if (double && atStart && glob[i + 2] === '/') {
        out += '(?:[^/]*/)*';
        i += 2;
      } else if (double && atStart && i + 2 === glob.length) {
        out += '.*';
        i += 1;
      } else {
        out += '[^/]*';
        while (glob[i + 1] === '*') i++;
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else {
      out += escape(ch);
    }
  }
  return out;
}

/** The files (in the order given) that any of the areas match. */
export function filesInAreas(areas: readonly string[] | undefined, files: readonly string[]): string[] {
  const matchers = (areas ?? []).map(areaMatcher).filter((m): m is AreaMatcher => m !== undefined);
  if (matchers.length === 0) return [];
  return files.filter((file) => matchers.some((match) => match(file)));
}
