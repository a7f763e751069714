// The bundles main.js loads on first use, in one place. Each is a sibling of dist/main.js that the build
// keeps external (scripts/build.mjs, `lazyBundles`); the literal `require('./x.js')` stays in the bundle as
// a run-time require, so nothing of it is read until the first call. When each one loads:
// - git.js (simple-git): the first git feature after the stores loaded (identity, branches, history)
// - interop.js (CSV, vCard, iCalendar, Markdown): the first import or export command
// - partnerPage.js: the first partner page opened or revived after a reload
// - dashboard.js (statistics, stemmer, stop words): the first dashboard opened, revived or exported

/** A loader that requires its bundle once, on the first call. */
export function lazyBundle<T>(requireBundle: () => unknown): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireBundle() as T);
}

/* eslint-disable @typescript-eslint/no-require-imports */
export const loadGit = lazyBundle<typeof import('../../git/index')>(() => require('./git.js'));
export const loadInterop = lazyBundle<typeof import('../interop/index')>(() => require('./interop.js'));
export const loadPartnerPage = lazyBundle<typeof import('../partnerPage/index')>(() => require('./partnerPage.js'));
export const loadDashboard = lazyBundle<typeof import('../dashboard/index')>(() => require('./dashboard.js'));
/* eslint-enable @typescript-eslint/no-require-imports */
