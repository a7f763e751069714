// Every dashboard statistic in one pass over the selected records: the data the dashboard page draws and
// the Markdown report prints. Pure and synchronous; measured by the benchmark at 50,000 check-ins.
import { calendarDate } from '../dates';
import { connectivity, type Connectivity } from '../ecosystem/connectivity';
import { buildGraph } from '../ecosystem/graph';
import { initiativeFigures, type InitiativeFigures } from '../initiatives';
import { concernFigures, type ConcernFigures } from '../concerns';
import { departmentCoverage, silos, type DepartmentCoverage } from './coverage';
import { departmentTrends, slipping, topPartnerTrends, type RatingTrend, type Slipping } from './health';
import { authorKeyOf, departmentLabels, select, type DashboardFilter, type StatsInput, type StatsOptions } from './input';
import { leadAreas, type LeadArea } from './leads';
import { reciprocity, type Reciprocity } from './reciprocity';
import { teamStats, type TeamStats } from './team';
import { themes, type Theme } from './themes';

/** Partner trends beyond this many (lowest average first) are counted, not listed. */
export const MAX_PARTNER_TRENDS = 40;

export interface DashboardData {
  /** The filter as applied, and what the filter controls offer. */
  filter: DashboardFilter;
  options: {
    departments: string[];
    organisations: string[];
    tags: string[];
    authors: { key: string; name: string }[];
    siloDays: number;
  };
  /** The day the figures are for (yyyy-MM-dd): today, or the end of the chosen range. */
  asOf: string;
  totals: { partners: number; checkIns: number; departments: number; silos: number; slipping: number };
  coverage: DepartmentCoverage[];
  silos: string[];
  health: { departments: RatingTrend[]; partners: RatingTrend[]; partnersWithRatings: number; slipping: Slipping[] };
  themes: Theme[];
  reciprocity: Reciprocity[];
  leads: LeadArea[];
  team: TeamStats;
  /** The ecosystem's connectivity (src/core/ecosystem): isolated partners, brokers, departments reached through one person. */
  connectivity: Connectivity;
  /** Per active initiative: support against resistance and who to win over next (not filtered: as of now). */
  alliances: InitiativeFigures;
  /** Shared concerns top first (votes, departments, recency) and the ones closed lately (not filtered: as of now). */
  concerns: ConcernFigures;
}

export function computeDashboard(input: StatsInput, filter: DashboardFilter, options: StatsOptions): DashboardData {
  const selection = select(input, filter);
  const asOfTime = Math.min(input.now.getTime(), selection.end - 1);
  const asOf = new Date(asOfTime);
  const coverage = departmentCoverage(selection, { siloDays: options.siloDays, cadence: input.cadence, asOf });
  const siloRows = silos(coverage);
  const trends = topPartnerTrends(selection, MAX_PARTNER_TRENDS);
  const slippingRows = slipping(selection, input.cadence, asOf);
  return {
    filter,
    options: filterOptions(input, options),
    asOf: calendarDate(new Date(asOfTime)),
    totals: {
      partners: selection.partners.length,
      checkIns: selection.checkIns.length,
      departments: coverage.length,
      silos: siloRows.length,
      slipping: slippingRows.length,
    },
    coverage,
    silos: siloRows.map((row) => row.department),
    health: {
      departments: departmentTrends(selection),
      partners: trends.trends,
      partnersWithRatings: trends.total,
      slipping: slippingRows,
    },
    themes: themes(selection.checkIns, input.partners),
    reciprocity: reciprocity(input.asks, selection),
    leads: leadAreas(selection.partners),
    team: teamStats(selection),
    connectivity: connectivity(buildGraph(selection, input.connections ?? [], asOf, options.siloDays), selection),
    alliances: initiativeFigures({
      initiatives: input.initiatives ?? [],
      stances: input.stances ?? [],
      partners: input.partners,
      checkIns: input.checkIns.map((c) => c.value),
    }),
    concerns: concernFigures({ concerns: input.concerns ?? [], votes: input.votes ?? [], partners: input.partners }),
  };
}

/** Every department, organisation and tag of an active partner and every author of a check-in, for the filter controls. */
export function filterOptions(input: StatsInput, options: StatsOptions): DashboardData['options'] {
  const labels = departmentLabels(input.partners);
  const active = input.partners.filter((p) => !p.archived);
  const departments = [...new Set(active.map((p) => labels.get(p.department.toLocaleLowerCase()) ?? p.department))].sort((a, b) =>
    a.localeCompare(b),
  );
  const authors = new Map<string, string>();
  for (const c of input.checkIns) authors.set(authorKeyOf(c), c.value.author.name);
  return {
    departments,
    organisations: oneSpellingEach(active.flatMap((p) => (p.organisation ? [p.organisation] : []))),
    tags: oneSpellingEach(active.flatMap((p) => p.tags ?? [])),
    authors: [...authors].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name)),
    siloDays: options.siloDays,
  };
}

/** Distinct values whatever their case (the first spelling in name order), sorted. */
function oneSpellingEach(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of [...values].sort((a, b) => a.localeCompare(b)))
    if (!seen.has(value.toLocaleLowerCase())) seen.set(value.toLocaleLowerCase(), value);
  return [...seen.values()];
}
