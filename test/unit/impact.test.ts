// The change impact check (src/core/impact): code-area matching, who is affected and why, who was
// consulted since the branch started, the order and the verdict, and the pull-request block, on
// hand-built records with known answers.
import { strict as assert } from 'node:assert';
import { areaMatcher, computeImpact, filesInAreas, impactMarkdown, type ImpactChange, type ImpactRecords } from '../../src/core/impact';
import type { CheckIn, Initiative, Partner, Stance, TalkingPoint } from '../../src/core/model';
import { statCheckInOf } from '../../src/core/stats/input';
import { HOSTILE_PAYLOADS } from '../fixtures/hostilePayloads';

const AUTHOR = { name: 'Ada Lovelace' };
const base = { schemaVersion: 1, createdAt: '2026-10-01T09:00:00.000Z', updatedAt: '2026-10-01T09:00:00.000Z', author: AUTHOR };

const partner = (id: string, name: string, department: string, extra: Partial<Partner> = {}): Partner => ({
  ...base,
  id,
  name,
  department,
  cadenceDays: 30,
  ...extra,
});
const checkIn = (id: string, partnerId: string, date: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  ...base,
  id,
  partnerId,
  date,
  kind: 'one-on-one',
  summary: 'Talked',
  rating: 4,
  ...extra,
});
const initiative = (id: string, name: string, codeAreas: string[], status: Initiative['status'] = 'active'): Initiative => ({
  ...base,
  id,
  name,
  status,
  codeAreas,
});
const stance = (
  id: string,
  initiativeId: string,
  partnerId: string,
  influence: Stance['influence'],
  extra: Partial<Stance> = {},
): Stance => ({
  ...base,
  id,
  initiativeId,
  partnerId,
  date: '2026-11-01T10:00:00.000Z',
  stance: 'supporter',
  influence,
  interest: 'high',
  role: 'consulted',
  ...extra,
});
const point = (id: string, partnerId: string, createdAt: string, extra: Partial<TalkingPoint> = {}): TalkingPoint => ({
  ...base,
  id,
  partnerId,
  text: 'About the change',
  createdAt,
  updatedAt: createdAt,
  ...extra,
});

const CHANGE: ImpactChange = {
  base: 'main',
  head: 'HEAD',
  headCommit: 'b'.repeat(40),
  mergeBase: 'a'.repeat(40),
  branch: 'checkout-fix',
  since: '2026-11-10T00:00:00.000Z',
  commits: 3,
  files: ['src/billing/invoice.ts', 'src/checkout/cart.ts', 'README.md'],
};

function records(parts: Partial<ImpactRecords> & { checkInValues?: CheckIn[] }): ImpactRecords {
  return {
    partners: parts.partners ?? [],
    checkIns: (parts.checkInValues ?? []).map((c) => statCheckInOf(c, false)).sort((a, b) => a.time - b.time),
    asks: parts.asks ?? [],
    connections: parts.connections ?? [],
    initiatives: parts.initiatives ?? [],
    stances: parts.stances ?? [],
    talkingPoints: parts.talkingPoints ?? [],
    cadence: 30,
    now: new Date('2026-11-21T12:00:00.000Z'),
  };
}

describe('change impact: code areas match as git pathspecs do', () => {
  const cases: [string, string, boolean][] = [
    ['src/billing', 'src/billing/invoice.ts', true],
    ['src/billing/', 'src/billing/deep/a.ts', true],
    ['src/billing', 'src/billingx/a.ts', false],
    ['README.md', 'README.md', true],
    ['README.md', 'docs/README.md', false],
    ['src/billing/**', 'src/billing/deep/a.ts', true],
    ['src/billing/**', 'src/billing', false],
    ['src/*', 'src/x.ts', true],
    ['src/*', 'src/bill/c.ts', false],
    ['src/bil*', 'src/billing/a.ts', false],
    ['**/README.md', 'README.md', true],
    ['**/README.md', 'docs/deep/README.md', true],
    ['src/**/*.ts', 'src/x.ts', true],
    ['src/**/*.ts', 'src/a/b/c.ts', true],
    ['src/**/*.ts', 'src/a/b/c.js', false],
    ['src/b?ll/x', 'src/bill/x', true],
    ['src/b?ll/x', 'src/b/ll/x', false],
    ['src/[ab]*.ts', 'src/a1.ts', true],
    ['src/[!ab]*.ts', 'src/a1.ts', false],
    ['src/[!ab]*.ts', 'src/c1.ts', true],
    ['./src\\billing', 'src/billing/a.ts', true],
    ['a.b', 'axb', false],
  ];
  for (const [area, file, expected] of cases)
    it(`${area} ${expected ? 'matches' : 'does not match'} ${file}`, () => assert.equal(areaMatcher(area)?.(file), expected));

  it('drops areas that could point outside the folder or carry pathspec magic', () => {
    for (const area of ['../x', '/etc', ':(exclude)a', 'c:/x', '  ']) assert.equal(areaMatcher(area), undefined, area);
    assert.deepEqual(filesInAreas(['../src', 'README.md'], CHANGE.files), ['README.md']);
  });
});

describe('change impact: who it affects and who was consulted', () => {
  const partners = [
    partner('p-ada', 'Ada Byron', 'Billing', { codeAreas: ['src/billing/**'] }),
    partner('p-ben', 'Ben Ode', 'Support', { codeAreas: ['docs/support.md'] }),
    partner('p-cy', 'Cy Young', 'Sales'),
    partner('p-dee', 'Dee Dee', 'Design'),
    partner('p-eve', 'Eve Old', 'Billing', { codeAreas: ['src/billing/**'], archived: true }),
    partner('p-fay', 'Fay Wray', 'Product', { codeAreas: ['src/checkout/*.ts', 'lib/**'] }),
    partner('p-gus', 'Gus Grey', 'Billing'),
  ];
  const initiatives = [
    initiative('i-checkout', 'Checkout revamp', ['src/checkout/']),
    initiative('i-done', 'Old checkout', ['src/checkout/'], 'done'),
    initiative('i-other', 'Pricing', ['pricing/**']),
  ];
  const stances = [
    stance('s1', 'i-checkout', 'p-cy', 'low', { date: '2026-10-01T10:00:00.000Z' }),
    stance('s2', 'i-checkout', 'p-cy', 'high', { stance: 'skeptic', role: 'approves' }),
    stance('s3', 'i-checkout', 'p-dee', 'low', { role: 'informed' }),
    stance('s4', 'i-done', 'p-ben', 'high'),
    stance('s5', 'i-checkout', 'p-eve', 'high'),
  ];
  const checkInValues = [
    checkIn('c-ada-old', 'p-ada', '2026-11-05T10:00:00.000Z'),
    checkIn('c-ada', 'p-ada', '2026-11-12T10:00:00.000Z', { rating: 5 }),
    checkIn('c-cy', 'p-cy', '2026-11-12T10:00:00.000Z', { initiativeId: 'i-other' }),
    checkIn('c-future', 'p-fay', '2026-11-25T10:00:00.000Z'),
  ];
  const talkingPoints = [
    point('t-dee', 'p-dee', '2026-11-15T10:00:00.000Z', { coveredAt: '2026-11-16T10:00:00.000Z', coveredIn: 'c-x' }),
    point('t-fay', 'p-fay', '2026-11-11T10:00:00.000Z'),
    point('t-fay-old', 'p-fay', '2026-09-01T10:00:00.000Z', { coveredAt: '2026-11-13T10:00:00.000Z', coveredIn: 'c-y' }),
  ];
  const result = computeImpact(CHANGE, records({ partners, initiatives, stances, checkInValues, talkingPoints }), { siloDays: 45 });

  it('finds the partners whose areas the change touches and the people on the open initiatives it touches; archived ones left out', () => {
    assert.deepEqual(
      result.people.map((p) => [
        p.name,
        p.reasons.map((r) => (r.kind === 'area' ? `area ${r.area}: ${r.files.join(',')}` : `${r.initiativeName} ${r.influence}`)),
      ]),
      [
        ['Cy Young', ['Checkout revamp high']],
        ['Fay Wray', ['area src/checkout/*.ts: src/checkout/cart.ts']],
        ['Ada Byron', ['area src/billing/**: src/billing/invoice.ts']],
        ['Dee Dee', ['Checkout revamp low']],
      ],
    );
    assert.deepEqual(
      result.initiatives.map((i) => [i.name, i.areas, i.files, i.people]),
      [['Checkout revamp', ['src/checkout/'], ['src/checkout/cart.ts'], ['p-cy', 'p-dee']]],
    );
  });

  it('consulted: a check-in since the branch started (not one about another initiative), or a talking point about it covered since', () => {
    const by = new Map(result.people.map((p) => [p.name, p]));
    assert.deepEqual(by.get('Ada Byron')?.consulted, { by: 'check-in', recordId: 'c-ada', date: '2026-11-12T10:00:00.000Z' });
    assert.equal(by.get('Cy Young')?.consulted, undefined, 'a check-in about Pricing is not about this change');
    assert.deepEqual(by.get('Dee Dee')?.consulted, { by: 'talking-point', recordId: 't-dee', date: '2026-11-16T10:00:00.000Z' });
    // Fay's covered point predates the branch and names no changed file; her check-in is after "now".
    assert.equal(by.get('Fay Wray')?.consulted, undefined);
    assert.equal(by.get('Fay Wray')?.waitingTalkingPoint, 't-fay');
  });

  it('health and silo state come from the dashboard rules', () => {
    const ada = result.people.find((p) => p.name === 'Ada Byron');
    assert.deepEqual(ada?.health, { due: 'later', lastCheckIn: '2026-11-12T10:00:00.000Z', lastRating: 5 });
    // Billing has two partners (Gus too) and the team talks to Ada only.
    assert.deepEqual(ada?.silo, { departmentSilo: false, isolated: false, onlyLink: true });
    const cy = result.people.find((p) => p.name === 'Cy Young');
    assert.deepEqual(cy?.silo, { departmentSilo: false, isolated: false, onlyLink: false });
    const dee = result.people.find((p) => p.name === 'Dee Dee');
    assert.equal(dee?.health.lastCheckIn, undefined);
    assert.deepEqual(dee?.silo, { departmentSilo: true, isolated: true, onlyLink: false });
  });

  it('orders not consulted first, high influence first, and names the verdict', () => {
    assert.deepEqual(result.notConsulted, ['p-cy', 'p-fay']);
    assert.deepEqual(result.highInfluenceNotConsulted, ['p-cy']);
    assert.equal(result.verdict, 'high-influence-not-consulted');
  });

  it('is clear when everyone affected was consulted, and not-consulted when only low influence is missing', () => {
    const cy = checkIn('c-cy2', 'p-cy', '2026-11-14T10:00:00.000Z', { initiativeId: 'i-checkout' });
    const fay = checkIn('c-fay', 'p-fay', '2026-11-14T10:00:00.000Z');
    const all = records({ partners, initiatives, stances, checkInValues: [...checkInValues, cy, fay], talkingPoints });
    assert.equal(computeImpact(CHANGE, all, { siloDays: 45 }).verdict, 'clear');
    const lowOnly = records({ partners, initiatives, stances, checkInValues: [...checkInValues, cy], talkingPoints });
    const answer = computeImpact(CHANGE, lowOnly, { siloDays: 45 });
    assert.equal(answer.verdict, 'not-consulted');
    assert.deepEqual(answer.notConsulted, ['p-fay']);
  });

  it('touches nobody when no area matches', () => {
    const none = computeImpact({ ...CHANGE, files: ['docs/other.md'] }, records({ partners, initiatives, stances }), { siloDays: 45 });
    assert.deepEqual([none.people, none.initiatives, none.verdict], [[], [], 'clear']);
  });

  it('the pull-request block, exactly', () => {
    assert.equal(
      impactMarkdown(result),
      `<!-- alliances:impact -->
### Who this change affects

\`checkout-fix\`: 3 commits since 2026-11-10 (merge base aaaaaaa with \`main\`), 3 files changed.

Initiatives whose code it touches:

- **Checkout revamp** (\`src/checkout/\`): 1 file, 2 people

| Person | Why | Influence | Health | Silo | Open asks | Consulted |
| --- | --- | --- | --- | --- | --- | --- |
| Cy Young (Sales) | Checkout revamp: skeptic; Approves it | high | on cadence; last check-in 2026-11-12, 4/5 | — | — | **not yet** |
| Fay Wray (Product) | code area src/checkout/\\*.ts | — | overdue; never checked in | Product is a silo; isolated | — | **not yet (a talking point waits)** |
| Ada Byron (Billing) | code area src/billing/\\*\\* | — | on cadence; last check-in 2026-11-12, 5/5 | the team reaches Billing through them alone | — | yes: check-in 2026-11-12 |
| Dee Dee (Design) | Checkout revamp: supporter; Is informed | low | overdue; never checked in | Design is a silo; isolated | — | yes: talking point covered 2026-11-16 |

**Not consulted yet, of high influence:** Cy Young.
Also not consulted: Fay Wray.
`,
    );
  });

  it('hostile names, departments and areas stay inert text in the block', () => {
    for (const { name, text } of HOSTILE_PAYLOADS) {
      const hostile = [partner('p-h', text, text, { codeAreas: ['src/billing/**'] })];
      const initiatives = [initiative('i-h', text, [`src/${text}/**`, 'src/billing/'])];
      const full = impactMarkdown(
        computeImpact({ ...CHANGE, branch: text }, records({ partners: hostile, initiatives }), { siloDays: 45 }),
      );
      assert.ok(full.includes('| Person |'), name);
      // Code spans are literal in every renderer (their backticks are replaced); outside them nothing may be markup.
      assert.equal(full.match(/`/g)?.length ?? 0, 6, name);
      const block = full.replace(/`[^`\n]*`/g, '');
      assert.doesNotMatch(block, /(?<!\\)<(?!!-- alliances:impact -->)[a-z/!?]/i, name);
      assert.doesNotMatch(block, /(?<!\\)\]\(/, name);
      assert.ok(
        !block
          .split('\n')
          .slice(1)
          .some((line) => line.startsWith('#') && !line.startsWith('### Who')),
        name,
      );
    }
  });
});
