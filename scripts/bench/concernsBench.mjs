// Concerns at scale: ranking 5,000 concerns with 50,000 votes (issue 16's target: ≤ 50 ms), as the
// dashboard and the Concerns view do on every refresh — the votes counted once per person, the
// departments of the partners who raised each, the order. Plain objects shaped as the Store reads them.
//
//   node scripts/bench/concernsBench.mjs --core <out/src/core>    (prints the figures; coreBench.mjs calls benchConcerns)
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { summary, timeSync } from './stats.mjs';

const DEPARTMENTS = ['Product', 'Design', 'Sales', 'Marketing', 'Support', 'Data', 'Security', 'Vendor', 'Customer', 'Research'];

/** A deterministic dataset: 1,000 partners, 200 voters, 5,000 concerns, 50,000 votes (some repeated by one voter). */
export function concernsDataset(ids, { concerns = 5000, votes = 50_000, partners = 1000, voters = 200 } = {}) {
  const start = Date.UTC(2026, 0, 1);
  const stamp = (k) => new Date(start + k * 60_000).toISOString();
  const author = (k) => ({ name: `Voter ${k}`, email: `voter${k}@example.com` });
  const partnerList = Array.from({ length: partners }, (_, k) => ({
    schemaVersion: 1,
    id: ids(),
    name: `Partner ${k}`,
    department: DEPARTMENTS[k % DEPARTMENTS.length],
    createdAt: stamp(0),
    updatedAt: stamp(0),
    author: author(0),
  }));
  const concernList = Array.from({ length: concerns }, (_, k) => ({
    schemaVersion: 1,
    id: ids(),
    text: `Concern ${k}`,
    partnerIds: [partnerList[(k * 7) % partners].id, partnerList[(k * 13 + 1) % partners].id],
    ...(k % 5 === 0 ? { departments: [DEPARTMENTS[k % 3]] } : {}),
    status: k % 10 === 9 ? 'closed' : 'open',
    createdAt: stamp(k),
    updatedAt: stamp(k),
    author: author(k % voters),
  }));
  const voteList = Array.from({ length: votes }, (_, k) => ({
    schemaVersion: 1,
    id: ids(),
    // Skewed: low-numbered concerns get more votes, so the ranking has real ties and real leaders.
    concernId: concernList[Math.floor(((k * 2654435761) % 4294967296) / 4294967296) ** 2 * concerns].id,
    createdAt: stamp(concerns + k),
    updatedAt: stamp(concerns + k),
    author: author((k * 31) % voters),
  }));
  return { concerns: concernList, votes: voteList, partners: partnerList };
}

/** The ranking's figures: median of 7 runs after one warm-up. */
export function benchConcerns(core) {
  const { rankConcerns, concernFigures } = core('concerns');
  const { newId } = core('ids');
  const data = concernsDataset(() => newId());
  const ranking = timeSync(() => rankConcerns(data), { runs: 7, warmup: 1 });
  const figures = timeSync(() => concernFigures(data), { runs: 7, warmup: 1 });
  const ranked = rankConcerns(data);
  return {
    concerns: data.concerns.length,
    votes: data.votes.length,
    open: ranked.length,
    topVotes: ranked[0]?.votes ?? 0,
    ranking: summary(ranking),
    dashboardFigures: summary(figures),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { core: { type: 'string' } } });
  if (!values.core) {
    console.error('usage: concernsBench.mjs --core <out/src/core>');
    process.exit(2);
  }
  const require = createRequire(import.meta.url);
  const result = benchConcerns((name) => require(path.join(path.resolve(values.core), `${name}.js`)));
  console.log(JSON.stringify(result, null, 2));
}
