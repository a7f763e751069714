// main.js loads some bundles on first use. Each is a sibling of dist/main.js that the build keeps external
// (scripts/build.mjs, `lazyBundles`); the caller passes the literal `() => require('./x.js')`, so the
// bundler leaves it a run-time require and nothing of the bundle is read until the first call. The
// bundles and when each loads: docs/architecture.md.

/** A loader that requires its bundle once, on the first call. */
export function lazyBundle<T>(requireBundle: () => unknown): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireBundle() as T);
}

/** simple-git (dist/git.js): identity, branches, history — the first git feature after the stores loaded. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadGit = lazyBundle<typeof import('../../git/index')>(() => require('./git.js'));
