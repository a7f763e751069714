// `alliances impact`, run as a child process (the bundle package.json's `bin` names) on the demo
// workspace, which sits on a branch touching Kwame's code area and the Billing migration's: exact
// Markdown and JSON, every exit code, and bad revisions reported with nothing written.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEMO_BRANCH, createDemoWorkspace } from '../fixtures/demoStore';
import { listFiles, makeStore, makeTempDir, removeTempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(
  ROOT,
  (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { alliances: string } }).bin.alliances,
);

function cli(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

const TODAY = new Date(2026, 10, 21, 9, 30);

const MARKDOWN = (mergeBase: string) => `<!-- alliances:impact -->
### Who this change affects

\`refunds-in-totals\`: 1 commit since 2026-11-21 (merge base ${mergeBase.slice(0, 7)} with \`main\`), 1 file changed.

Initiatives whose code it touches:

- **Billing migration** (\`src/billing/**\`): 1 file, 4 people

| Person | Why | Influence | Health | Silo | Open asks | Consulted |
| --- | --- | --- | --- | --- | --- | --- |
| Dana Whitfield (Product) | Billing migration: champion; Approves it | high | overdue; last check-in 2026-11-01, 3/5 | — | — | **not yet** |
| Kwame Mensah (Customer Success) | code area src/billing/invoice.ts · Billing migration: neutral; Is consulted | high | due soon; last check-in 2026-11-09, 4/5 | — | — | **not yet (a talking point waits)** |
| Hannah Okafor (Support) | Billing migration: blocker; Is informed | medium | overdue; last check-in 2026-10-02, 2/5 | Support is a silo | 1 they asked | **not yet** |
| Leo Tanaka (Data) | Billing migration: supporter; Contributes | medium | on cadence; last check-in 2026-11-11, 4/5 | — | — | **not yet** |

**Not consulted yet, of high influence:** Dana Whitfield, Kwame Mensah.
Also not consulted: Hannah Okafor, Leo Tanaka.
`;

describe('alliances impact (the command line)', function () {
  this.timeout(120_000);
  let dir: string | undefined;
  let demo = '';

  before(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--only=cli'], { cwd: ROOT, stdio: 'ignore' });
    dir = await makeTempDir('alliances-cli-impact-');
    demo = path.join(dir, 'demo');
    await createDemoWorkspace(demo, TODAY);
  });
  after(() => removeTempDir(dir));

  it('prints the pull-request block and exits 4 when a high-influence person was not consulted', () => {
    assert.equal(gitIn(demo, 'symbolic-ref', '--short', 'HEAD'), DEMO_BRANCH);
    const result = cli(demo, 'impact', '--base', 'main', '--today', '2026-11-21');
    assert.equal(result.err, '');
    assert.equal(result.out, MARKDOWN(gitIn(demo, 'rev-parse', 'main')));
    assert.equal(result.code, 4);
    // --base defaults to the default branch, --head to HEAD, --store to ./.alliances.
    assert.deepEqual(cli(demo, 'impact', '--today', '2026-11-21'), result);
    assert.deepEqual(cli(ROOT, 'impact', '--store', demo, '--head', 'HEAD', '--today', '2026-11-21'), result);
  });

  it('--json: the same answer for scripts', () => {
    const result = cli(demo, 'impact', '--base', 'main', '--json', '--today', '2026-11-21');
    assert.equal(result.code, 4);
    const json = JSON.parse(result.out) as {
      change: Record<string, unknown>;
      initiatives: { name: string; areas: string[]; files: string[]; people: string[] }[];
      people: Record<string, unknown>[];
      notConsulted: string[];
      highInfluenceNotConsulted: string[];
      verdict: string;
    };
    const ids = new Map(json.people.map((p) => [p.partnerId as string, p.name as string]));
    const names = (list: string[]) => list.map((id) => ids.get(id));
    assert.deepEqual(json.change, {
      base: 'main',
      head: 'HEAD',
      headCommit: gitIn(demo, 'rev-parse', 'HEAD'),
      mergeBase: gitIn(demo, 'rev-parse', 'main'),
      branch: DEMO_BRANCH,
      since: gitIn(demo, 'show', '-s', '--format=%cI', 'main'),
      commits: 1,
      files: ['src/billing/invoice.ts'],
    });
    assert.deepEqual(
      json.initiatives.map((i) => ({ ...i, people: names(i.people) })),
      [
        {
          id: json.initiatives[0]?.['id' as never],
          name: 'Billing migration',
          status: 'active',
          areas: ['src/billing/**'],
          files: ['src/billing/invoice.ts'],
          people: ['Dana Whitfield', 'Kwame Mensah', 'Hannah Okafor', 'Leo Tanaka'],
        },
      ],
    );
    const kwame = json.people[1];
    assert.deepEqual(
      {
        ...kwame,
        partnerId: undefined,
        waitingTalkingPoint: typeof kwame.waitingTalkingPoint,
        reasons: (kwame.reasons as { initiativeId?: string }[]).map((r) => ({ ...r, initiativeId: r.initiativeId && 'id' })),
      },
      {
        partnerId: undefined,
        name: 'Kwame Mensah',
        department: 'Customer Success',
        role: 'Customer Success Lead',
        reasons: [
          { kind: 'area', area: 'src/billing/invoice.ts', files: ['src/billing/invoice.ts'], initiativeId: undefined },
          {
            kind: 'initiative',
            initiativeId: 'id',
            initiativeName: 'Billing migration',
            stance: 'neutral',
            influence: 'high',
            role: 'consulted',
          },
        ],
        influence: 'high',
        health: { due: 'dueSoon', lastCheckIn: kwame.health && (kwame.health as { lastCheckIn: string }).lastCheckIn, lastRating: 4 },
        silo: { departmentSilo: false, isolated: false, onlyLink: false },
        openAsks: { theyAsked: 0, iAsked: 0 },
        waitingTalkingPoint: 'string',
      },
    );
    assert.deepEqual(names(json.notConsulted), ['Dana Whitfield', 'Kwame Mensah', 'Hannah Okafor', 'Leo Tanaka']);
    assert.deepEqual(names(json.highInfluenceNotConsulted), ['Dana Whitfield', 'Kwame Mensah']);
    assert.equal(json.verdict, 'high-influence-not-consulted');
  });

  it('exits 0 when the range touches nobody, and 1 when only people of lower influence were not consulted', async () => {
    const none = cli(demo, 'impact', '--base', DEMO_BRANCH, '--today', '2026-11-21');
    assert.equal(none.code, 0);
    assert.match(
      none.out,
      /0 commits since 2026-11-21 .*, 0 files changed\.\n\nIt touches no partner's code area and no initiative's\.\n$/,
    );
    const other = path.join(dir!, 'consulted');
    await createDemoWorkspace(other, TODAY);
    const store = makeStore(path.join(other, '.alliances'), { now: () => new Date(2026, 10, 21, 11) });
    await store.load();
    for (const name of ['Dana Whitfield', 'Kwame Mensah']) {
      const partner = store.partners().find((p) => p.value.name === name)!;
      await store.addCheckIn({
        partnerId: partner.value.id,
        kind: 'one-on-one',
        summary: 'The refunds change',
        date: new Date(2026, 10, 21, 10),
      });
    }
    const result = cli(other, 'impact', '--today', '2026-11-21');
    assert.equal(result.code, 1, result.out);
    assert.match(result.out, /\| Dana Whitfield \(Product\) \|.*\| yes: check-in 2026-11-21 \|/);
    assert.match(result.out, /\nNot consulted yet: Hannah Okafor, Leo Tanaka\.\n$/);
  });

  it('a revision that names no commit: exit 2, a clear message, nothing printed or written', async () => {
    const before = await listFiles(demo);
    const status = gitIn(demo, 'status', '--porcelain', '--untracked-files=all');
    for (const [args, revision] of [
      [['--base', 'no-such-branch'], 'no-such-branch'],
      [['--base', 'main', '--head', 'HEAD~5'], 'HEAD~5'],
      [['--base', '--output=x'], undefined],
    ] as const) {
      const result = cli(demo, 'impact', ...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.out, '', args.join(' '));
      if (revision) assert.equal(result.err, `alliances: "${revision}" is not a revision in this repository (a branch, tag or commit).\n`);
      else assert.match(result.err, /^alliances: /);
    }
    assert.deepEqual(await listFiles(demo), before);
    assert.equal(gitIn(demo, 'status', '--porcelain', '--untracked-files=all'), status);
    const misuse = cli(demo, 'due', '--base', 'main');
    assert.equal(misuse.code, 2);
    assert.match(misuse.err, /^alliances: --base and --head work with "impact" only\./);
  });

  it('a store outside any git repository: exit 3', async () => {
    const plain = path.join(dir!, 'plain');
    const store = makeStore(path.join(plain, '.alliances'));
    await store.load();
    await store.initialize();
    const result = cli(plain, 'impact', '--base', 'main', '--store', plain);
    assert.equal(result.code, 3);
    assert.match(result.err, /is not in a git repository/);
  });
});
