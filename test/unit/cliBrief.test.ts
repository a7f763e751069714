// `alliances brief`, run as a child process (the bundle package.json's `bin` names) on the demo workspace:
// the exact Markdown, JSON, exit codes, private records only with --private, and the commits in the
// partner's code areas since the last check-in read from a real repository.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createDemoWorkspace } from '../fixtures/demoStore';
import { git, isolatedGitEnv, makeStore, makeTempDir, removeTempDir, writeFile } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(
  ROOT,
  (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { alliances: string } }).bin.alliances,
);

const HANNAH = `# Brief: Hannah Okafor

Support Operations Manager · Support  
Check-in every 14 days; 36 days overdue.  
Prepared 2026-11-21.

## Rating trend

Oldest to newest: 2 (2026-10-02).

Last rating 2/5; average of the last ratings 2/5.

Not slipping.

## Last check-ins (1 of 1, newest first)

- 2026-10-02, Ad hoc, rated 2/5: Ticket volume up 30% after the release; escalations unclear (by Alex Morgan)

## Open talking points (0)

None.

## Open follow-ups (1)

- Draft the escalation runbook together — owner Alex Morgan; **3 days overdue (due 2026-11-18)**

## Open asks (1)

- They asked me: A clear escalation path for Sev2 tickets (since 2026-11-21)

## Initiatives (1)

- **Billing migration** (Active, due 2027-01-20): Is informed; blocker; influence medium, interest high; assessed 2026-11-09
  Cares about: Ticket volume after the switch

## Commits in their code areas since the last check-in (2026-10-02)

No code areas set for them.

## Connections (1)

- works with Kwame Mensah
`;

describe('the command line: alliances brief', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  let home: string | undefined;
  let env: NodeJS.ProcessEnv = process.env;
  let store = '';

  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  before(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
    dir = await makeTempDir('alliances-cli-brief-');
    home = await makeTempDir('alliances-cli-brief-home-');
    env = isolatedGitEnv(home);
    await createDemoWorkspace(dir, new Date(2026, 10, 21, 9, 30));
    store = path.join(dir, '.alliances');
  });
  after(async () => {
    await removeTempDir(dir);
    await removeTempDir(home);
  });

  it('prints the brief as Markdown, word for word, found by name in any case; exit 0', () => {
    const result = cli('brief', 'hannah', '--store', store, '--today', '2026-11-21');
    assert.equal(result.err, '');
    assert.equal(result.code, 0);
    assert.equal(result.out, HANNAH);
  });

  it('--json: the same facts as data', () => {
    const result = cli('brief', 'Hannah Okafor', '--store', store, '--today', '2026-11-21', '--json');
    assert.equal(result.code, 0);
    const data = JSON.parse(result.out) as {
      partner: { name: string };
      due: { status: string; days: number };
      followUps: { text: string; due: string; overdue: boolean }[];
      asks: { direction: string }[];
      initiatives: { name: string; stance: string }[];
      connections: { otherName: string; label: string }[];
      commits: { available: boolean };
    };
    assert.equal(data.partner.name, 'Hannah Okafor');
    assert.deepEqual(data.due, { ...data.due, status: 'overdue', days: -36 });
    assert.deepEqual(
      data.followUps.map(({ text, due, overdue }) => [text, due, overdue]),
      [['Draft the escalation runbook together', '2026-11-18', true]],
    );
    assert.deepEqual(
      data.asks.map((ask) => ask.direction),
      ['they-asked'],
    );
    assert.deepEqual(
      data.initiatives.map((item) => [item.name, item.stance]),
      [['Billing migration', 'blocker']],
    );
    assert.deepEqual(
      data.connections.map((end) => `${end.label} ${end.otherName}`),
      ['works with Kwame Mensah'],
    );
    assert.equal(data.commits.available, false, 'no code areas: git is not asked');
  });

  it('exits 2 for an unknown or ambiguous name, and without a name', () => {
    const unknown = cli('brief', 'Zelda', '--store', store);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.out, '');
    assert.equal(unknown.err, 'alliances: No partner matches "Zelda". alliances search <words> finds records by any word.\n');
    const several = cli('brief', 'an', '--store', store);
    assert.equal(several.code, 2);
    assert.match(several.err, /^alliances: 4 partners match "an": Dana Whitfield \(Product, id [0-9a-z]{26}\);.* Pass the id\.\n$/);
    assert.equal(cli('brief', '--store', store).code, 2);
  });

  it('shows private records only with --private', async () => {
    const demo = makeStore(store);
    await demo.load();
    const hannah = demo.partners().find(({ value }) => value.name === 'Hannah Okafor');
    assert.ok(hannah);
    await demo.addCheckIn({
      partnerId: hannah.value.id,
      kind: 'ad-hoc',
      rating: 4,
      summary: 'Confidential reorg',
      date: new Date(2026, 10, 19, 10),
      private: true,
    });
    assert.doesNotMatch(cli('brief', 'hannah', '--store', store, '--today', '2026-11-21').out, /Confidential reorg/);
    assert.match(
      cli('brief', 'hannah', '--store', store, '--today', '2026-11-21', '--private').out,
      /- 2026-11-19, Ad hoc, rated 4\/5 \(private\): Confidential reorg \(by /,
    );
  });

  it('lists the commits in their code areas since the last check-in, from the repository holding the store', async () => {
    // The demo workspace is a repository already (one commit of everything).
    const folder = dir ?? '';
    const commit = (date: string, message: string) => {
      const dated = { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
      git(folder, dated, 'add', '-A');
      git(folder, dated, '-c', 'user.name=Sam Lee', '-c', 'user.email=sam@example.com', 'commit', '-q', '-m', message);
    };
    await writeFile(folder, 'src/billing/refunds.ts', 'export const refunds = 0;\n');
    commit('2026-10-20T10:00:00Z', 'Refunds, before the last check-in');
    await writeFile(folder, 'src/billing/refunds.ts', 'export const refunds = 1;\n');
    commit('2026-11-05T10:00:00Z', 'Refunds in invoice totals');
    await writeFile(folder, 'docs/notes.md', 'elsewhere\n');
    commit('2026-11-06T10:00:00Z', 'Docs only');
    const demo = makeStore(store);
    await demo.load();
    const dana = demo.partners().find(({ value }) => value.name === 'Dana Whitfield');
    assert.ok(dana);
    await demo.updatePartner(dana.value.id, { codeAreas: ['src/billing/refunds.ts', 'docs/none/**'] });
    const out = cli('brief', 'dana', '--store', store, '--today', '2026-11-21').out;
    assert.match(
      out,
      /## Commits in their code areas since the last check-in \(2026-11-01\)\n\n- 2026-11-05 [0-9a-f]{7} Refunds in invoice totals — Sam Lee\n\n## Connections/,
    );
  });
});
