type GitModule = typeof import('../../git/index');
let gitModule: GitModule | undefined;

/**
 * simple-git lives in its own bundle (dist/git.js, beside dist/extension.js) and is required on first
 * use, so activation never pays for it. The build marks './git.js' external.
 */
export function loadGit(): GitModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  gitModule ??= require('./git.js') as GitModule;
  return gitModule;
}
