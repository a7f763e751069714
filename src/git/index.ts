/** The git adapter's entry: bundled on its own (dist/git.js) and loaded only when first needed. */
export { headCommit } from './gitCommit';
export { readGitIdentity } from './gitIdentity';
export { otherBranchRecords, type BranchInfo, type BranchRecord, type BranchRecords } from './branchRecords';
export { repositoryPaths } from './repository';
export { fileHistory, showFile, type FileHistory, type HistoryEntry } from './history';
export { areaCommits, type AreaCommit, type AreaCommits } from './areaCommits';
export { trailerCommits, type TrailerCommits } from './trailerCommits';
