// The dashboard's statistics: pure functions over plain records (see input.ts).
export { computeDashboard, MAX_PARTNER_TRENDS, type DashboardData } from './dashboard';
export { departmentCoverage, silos, type DepartmentCoverage } from './coverage';
export { statsInput } from './fromStore';
export { DEFAULT_SILO_DAYS, authorKey, type DashboardFilter, type StatsInput, type StatsOptions } from './input';
export { dashboardReport } from './report';
