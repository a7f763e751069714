import type { SimpleGit } from 'simple-git';
import { type CollectionKind } from '../core/vocabulary';
import type { RecordTypes } from '../core/model';
import { readRecord } from '../core/recordReader';
import { roleOf } from '../core/storeLayout';
import { currentBranch, defaultBranch, locateRepo, objectIds, readBlobs, resolveCommit } from './repository';

export interface BranchInfo {
  name: string;
  commit: string;
  /** Its tip is already in the default branch (so merging the default branch brings the record). */
  merged: boolean;
}

/** A record that exists on other local branches and not on this one. */
export interface BranchRecord<K extends CollectionKind = CollectionKind> {
  kind: K;
  id: string;
  value: RecordTypes[K];
  /** Store-relative path on the first branch that has it. */
  relativePath: string;
  /** Every local branch that has it, by name. */
  branches: BranchInfo[];
}

export interface BranchRecords {
  /** False when there is no git, no repository, or the store is outside the work tree. */
  available: boolean;
  /** The branch HEAD is on; undefined when detached (or no repository). */
  current?: string;
  defaultBranch?: string;
  records: BranchRecord[];
  /** Files on other branches that did not read as records (they are left out, never written). */
  skipped: number;
}

interface TreeEntry {
  blob: string;
  /** Store-relative path. */
  relativePath: string;
  kind: CollectionKind;
  id: string;
}

/**
 * The store's shared records that exist only on other local branches, read from git's objects
 * (for-each-ref, ls-tree, cat-file): nothing is checked out, nothing is written. A record counts as
 * "only there" when HEAD does not have it and neither does the commit the branch forked from (if the
 * fork point had it, this side deleted it on purpose). Never throws.
 */
export async function otherBranchRecords(storeRoot: string): Promise<BranchRecords> {
  const repo = await locateRepo(storeRoot);
  if (!repo) return { available: false, records: [], skipped: 0 };
  const { git, storePrefix, top } = repo;
  try {
    const [head, current, defaultName] = await Promise.all([resolveCommit(git, 'HEAD'), currentBranch(git), defaultBranch(git)]);
    const defaultCommit = defaultName ? await resolveCommit(git, `refs/heads/${defaultName}`) : undefined;
    const refs = (await git.raw(['for-each-ref', '--format=%(refname:short)%00%(objectname)', 'refs/heads']))
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name = '', commit = ''] = line.split('\0');
        return { name, commit };
      })
      .filter((ref) => ref.name !== current && ref.commit !== head)
      .sort((a, b) => a.name.localeCompare(b.name));

    // One batch call for the store folder's tree id on every branch: a branch whose store is the same
    // tree as HEAD's (most branches never touch it), or that has no store, needs no listing at all.
    const storeAt = (commit: string) => (storePrefix ? `${commit}:${storePrefix}` : `${commit}^{tree}`);
    const trees = await objectIds(top, [...(head ? [head] : []), ...refs.map((ref) => ref.commit)].map(storeAt));
    const headTree = head ? trees.get(storeAt(head)) : undefined;
    const headIds = head ? idsOf(await storeTree(git, head, storePrefix)) : new Set<string>();
    const found = new Map<string, { entry: TreeEntry; branches: BranchInfo[] }>();
    for (const ref of refs) {
      const tree = trees.get(storeAt(ref.commit));
      if (tree === undefined || tree === headTree) continue;
      const base = head ? await mergeBase(git, head, ref.commit) : undefined;
      const baseIds = base ? idsOf(await storeTree(git, base, storePrefix)) : new Set<string>();
      const merged = defaultCommit !== undefined && (await isAncestor(git, ref.commit, defaultCommit));
      const branch: BranchInfo = { name: ref.name, commit: ref.commit, merged };
      for (const entry of await storeTree(git, ref.commit, storePrefix)) {
        if (headIds.has(entry.id) || baseIds.has(entry.id)) continue;
        const key = `${entry.kind}:${entry.id}`;
        const seen = found.get(key);
        if (seen) seen.branches.push(branch);
        else found.set(key, { entry, branches: [branch] });
      }
    }

    const blobs = await readBlobs(top, [...new Set([...found.values()].map(({ entry }) => entry.blob))]);
    const records: BranchRecord[] = [];
    let skipped = 0;
    for (const { entry, branches } of found.values()) {
      const bytes = blobs.get(entry.blob);
      const read = bytes ? readRecord(entry.kind, bytes, entry.id) : undefined;
      if (!read?.ok) {
        skipped++;
        continue;
      }
      records.push({ kind: entry.kind, id: entry.id, value: read.value, relativePath: entry.relativePath, branches });
    }
    return { available: true, current, defaultBranch: defaultName, records, skipped };
  } catch {
    return { available: false, records: [], skipped: 0 };
  }
}

/** The shared record files of the store in one commit (private/ is git-ignored, and skipped anyway). */
async function storeTree(git: SimpleGit, commit: string, storePrefix: string): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
  if (storePrefix) args.push('--', `${storePrefix}/`);
  const out = await git.raw(args);
  const entries: TreeEntry[] = [];
  for (const line of out.split('\0')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const [, type, blob] = line.slice(0, tab).split(' ');
    const fullPath = line.slice(tab + 1);
    if (type !== 'blob' || !blob) continue;
    const relativePath = storePrefix ? fullPath.slice(storePrefix.length + 1) : fullPath;
    const role = roleOf(relativePath);
    if (!role || role.kind === 'manifest' || role.private || !role.expectedId) continue;
    entries.push({ blob, relativePath, kind: role.kind, id: role.expectedId });
  }
  return entries;
}

function idsOf(entries: TreeEntry[]): Set<string> {
  return new Set(entries.map((entry) => entry.id));
}

async function mergeBase(git: SimpleGit, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git.raw(['merge-base', a, b])).trim() || undefined;
  } catch {
    // Unrelated histories: nothing in common.
    return undefined;
  }
}

/** simple-git only fails on exit codes that come with stderr, so no --is-ancestor: compare the base. */
async function isAncestor(git: SimpleGit, ancestor: string, of: string): Promise<boolean> {
  return (await mergeBase(git, ancestor, of)) === ancestor;
}
