// `alliances search`, run as a child process (the bundle package.json's `bin` names) on the demo
// workspace: exact text, JSON with the snippet's ranges, exit codes, private records only with --private.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { makeStore, makeTempDir, removeTempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(
  ROOT,
  (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { alliances: string } }).bin.alliances,
);

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

interface JsonResult {
  kind: string;
  recordId: string;
  partnerId: string;
  partnerName: string;
  date: string;
  snippet: { text: string; ranges: [number, number][] };
  private: boolean;
}

describe('the command line: alliances search', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  let store = '';

  before(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
    dir = await makeTempDir('alliances-cli-search-');
    await createDemoWorkspace(dir, new Date(2026, 10, 21, 9, 30));
    store = path.join(dir, '.alliances');
    const demo = makeStore(store);
    await demo.load();
    const jonas = demo.partners().find(({ value }) => value.name === 'Jonas Berg');
    assert.ok(jonas);
    await demo.addCheckIn({
      partnerId: jonas.value.id,
      kind: 'ad-hoc',
      summary: 'Renewal pricing is negotiable',
      date: new Date(2026, 10, 18, 10),
      private: true,
    });
  });

  after(() => removeTempDir(dir));

  it('prints each result with partner, kind, date and the matching words in brackets, best first; exit 0', () => {
    const result = cli('search', 'sso', '--store', store);
    assert.equal(result.err, '');
    assert.equal(result.code, 0);
    assert.equal(
      result.out,
      `4 results for sso
  - Marcus Ortega · Check-in · 2026-09-22: Two enterprise deals blocked on [SSO]
  - Marcus Ortega · Talking point · 2026-11-21: [SSO] dates for the two blocked enterprise deals
  - Kwame Mensah · Check-in · 2026-10-26: Top three customer complaints: slow exports, [SSO], audit log
  - Marcus Ortega · Check-in · 2026-10-27: Asked again about [SSO] dates; no answer from us yet
`,
    );
  });

  it('takes several words and filters as one query; stems match ("renewals" finds "renewal")', () => {
    assert.equal(
      cli('search', 'renewals', 'kind:checkIn', '--store', store).out,
      `1 result for renewals kind:checkIn
  - Jonas Berg · Check-in · 2026-10-22: Reserved instances [renewal] quote received
`,
    );
    assert.equal(cli('search', 'sso', 'partner:kwame', '--store', store).out.split('\n')[0], '1 result for sso partner:kwame');
  });

  it('leaves private records out unless --private is given', () => {
    assert.equal(cli('search', 'negotiable', '--store', store).out, '0 results for negotiable\n');
    assert.equal(
      cli('search', 'negotiable', '--private', '--store', store).out,
      `1 result for negotiable
  - Jonas Berg · Check-in (private) · 2026-11-18: Renewal pricing is [negotiable]
`,
    );
  });

  it('--json prints the query and each result with kind, ids, partner, date and the snippet with its ranges', () => {
    const result = cli('search', 'escalation', 'kind:ask', '--json', '--store', store);
    assert.equal(result.code, 0);
    const parsed = JSON.parse(result.out) as { query: string; results: JsonResult[] };
    assert.equal(parsed.query, 'escalation kind:ask');
    assert.equal(parsed.results.length, 1);
    const [ask] = parsed.results;
    assert.ok(ask);
    assert.equal(ask.kind, 'ask');
    assert.equal(ask.partnerName, 'Hannah Okafor');
    assert.equal(ask.date, '2026-11-21');
    assert.equal(ask.private, false);
    assert.match(ask.recordId, /^[0-9a-z]{26}$/);
    assert.match(ask.partnerId, /^[0-9a-z]{26}$/);
    assert.deepEqual(ask.snippet, { text: 'A clear escalation path for Sev2 tickets', ranges: [[8, 18]] });
    assert.deepEqual(Object.keys(ask).sort(), ['date', 'kind', 'partnerId', 'partnerIds', 'partnerName', 'private', 'recordId', 'snippet']);
  });

  it('exits 1 when nothing matches, 2 for a filter it cannot read or no query', () => {
    const none = cli('search', 'zeppelin', '--store', store);
    assert.equal(none.code, 1);
    assert.equal(none.out, '0 results for zeppelin\n');
    const noJson = JSON.parse(cli('search', 'zeppelin', '--json', '--store', store).out) as { results: unknown[] };
    assert.deepEqual(noJson.results, []);
    const bad = cli('search', 'sso', 'kind:meeting', '--store', store);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /not a filter search knows: kind:meeting/);
    assert.equal(cli('search', '--store', store).code, 2);
    assert.equal(cli('search', 'sso', '--partner', 'x', '--store', store).code, 2);
  });
});
