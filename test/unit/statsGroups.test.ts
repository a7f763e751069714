// The dashboard's statistics over group check-ins: one meeting counts as contact for each partner in
// it, once per department in the department trends, and teammates who were there hold the relationship.
import { strict as assert } from 'node:assert';
import { newId } from '../../src/core/ids';
import type { Author, CheckIn, Partner } from '../../src/core/model';
import { departmentCoverage } from '../../src/core/stats/coverage';
import { departmentTrends, partnerTrends } from '../../src/core/stats/health';
import { select, statCheckInOf, type StatCheckIn, type StatsInput } from '../../src/core/stats/input';
import { teamStats } from '../../src/core/stats/team';

const NOW = new Date(2026, 10, 21, 15, 0);
const ADA: Author = { name: 'Ada Lovelace', email: 'ada@example.com' };
const BOB: Author = { name: 'Bob Builder', email: 'bob@example.com' };

function partner(name: string, department: string): Partner {
  const created = new Date(2026, 0, 5).toISOString();
  return { schemaVersion: 1, id: newId(), name, department, createdAt: created, updatedAt: created, author: ADA };
}

function group(members: Partner[], when: Date, extra: Partial<CheckIn> = {}): StatCheckIn {
  const iso = when.toISOString();
  const [first] = members;
  return statCheckInOf(
    {
      schemaVersion: 1,
      id: newId(),
      partnerId: first?.id ?? '',
      ...(members.length > 1 ? { partnerIds: members.map((m) => m.id) } : {}),
      date: iso,
      kind: 'one-on-one',
      summary: '',
      rating: 4,
      createdAt: iso,
      updatedAt: iso,
      author: ADA,
      ...extra,
    },
    false,
  );
}

const input = (partners: Partner[], checkIns: StatCheckIn[]): StatsInput => ({ partners, checkIns, asks: [], cadence: 14, now: NOW });

describe('stats: group check-ins', () => {
  const dana = partner('Dana', 'Product');
  const pat = partner('Pat', 'Product');
  const priya = partner('Priya', 'Design');
  const sam = partner('Sam', 'Sales');
  const trio = group([dana, pat, priya], new Date(2026, 10, 18, 10), { present: [BOB, ADA] });

  it('are selected when any member is, and are contact for every member', () => {
    const onlyDesign = select(input([dana, pat, priya, sam], [trio]), { department: 'design' });
    assert.deepEqual(
      onlyDesign.checkIns.map((c) => c.value.id),
      [trio.value.id],
    );
    const selection = select(input([dana, pat, priya, sam], [trio]), {});
    const coverage = departmentCoverage(selection, { siloDays: 45, cadence: 14, asOf: NOW });
    const byDepartment = new Map(coverage.map((row) => [row.department, row]));
    assert.equal(byDepartment.get('Product')?.daysSinceContact, 3);
    assert.equal(byDepartment.get('Design')?.daysSinceContact, 3);
    assert.equal(byDepartment.get('Product')?.onCadence, 2, 'both Product partners are on cadence');
    assert.ok((byDepartment.get('Sales')?.daysSinceContact ?? 0) > 45, 'Sales was not in the meeting');
  });

  it('count once per department in the department trends, and for each member in the partner trends', () => {
    const selection = select(input([dana, pat, priya, sam], [trio]), {});
    const departments = new Map(departmentTrends(selection).map((t) => [t.label, t.count]));
    assert.equal(departments.get('Product'), 1, 'Dana and Pat were in one meeting');
    assert.equal(departments.get('Design'), 1);
    assert.deepEqual(
      partnerTrends(selection)
        .map((t) => t.label)
        .sort(),
      ['Dana', 'Pat', 'Priya'],
    );
  });

  it('attribute the teammates who were present, each once', () => {
    const solo = group([sam], new Date(2026, 10, 19, 10), { author: BOB });
    const team = teamStats(select(input([dana, pat, priya, sam], [trio, solo]), {}));
    const byName = new Map(team.authors.map((a) => [a.name, a]));
    assert.equal(byName.get('Ada Lovelace')?.checkIns, 1, 'the author listed as present too counts once');
    assert.equal(byName.get('Ada Lovelace')?.partners, 3);
    assert.equal(byName.get('Bob Builder')?.checkIns, 2);
    assert.equal(byName.get('Bob Builder')?.partners, 4);
    // Sam is held by Bob alone; the trio by both.
    assert.deepEqual(
      team.singleHolders.map((h) => [h.name, h.holder.name]),
      [['Sam', 'Bob Builder']],
    );
    assert.equal(team.unheld, 0);
  });
});
