// The entry of dist/dashboard.js: the dashboard and its statistics, required on first use only.
export { Dashboard } from './dashboard';
export { workspaceSilos } from './dashboardData';
