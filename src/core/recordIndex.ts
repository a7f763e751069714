import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { duplicateKey, duplicateReason, idLocation, type DuplicateGroups } from './duplicateIds';
import type { FileSystemPort } from './fileSystem';
import { Integrity } from './integrity';
import { judge, type Judged } from './judge';
import { COLLECTION_KINDS, type CollectionKind, type RecordKind } from './vocabulary';
import { type CheckIn, type Manifest, type RecordTypes } from './model';
import type { TextLocation } from './jsonText';
import type { RecordProblem } from './recordReader';
import { StoreWriteError, asError, errorMessage } from './storeErrors';
import { partnerIdsOf } from './partnerRefs';
import { parentIdOf } from './parentRefs';
import { roleInFolder, roleOf, toRelative } from './storeLayout';
import type { Loaded, StoreProblem } from './storeTypes';

/**
 * The store's records in memory: by kind, id and partner, with the problem of every file that does
 * not load and the content hash of every file as last read or written.
 */
export class RecordIndex {
  /** Every record by kind and id. */
  private readonly collections = new Map<CollectionKind, Map<string, Loaded<RecordTypes[CollectionKind]>>>(
    COLLECTION_KINDS.map((kind) => [kind, new Map()]),
  );
  /** Record ids by kind and partner id: a group check-in or a connection is filed under each of its partners. */
  private readonly byPartner = new Map<CollectionKind, Map<string, Set<string>>>(COLLECTION_KINDS.map((kind) => [kind, new Map()]));
  /** Record ids by kind and parent id (stances and check-ins by initiative, votes by concern: parentRefs.ts). */
  private readonly byParent = new Map<CollectionKind, Map<string, Set<string>>>(COLLECTION_KINDS.map((kind) => [kind, new Map()]));
  readonly problemsByPath = new Map<string, StoreProblem>();
  private readonly duplicates: DuplicateGroups = new Map();
  /** Content hash of every file as last read or written: the guard against clobbering newer files. */
  readonly hashes = new Map<string, string>();
  /** Which record each file holds, so a deleted or changed file can be taken out of the maps. */
  private readonly recordAt = new Map<string, { kind: RecordKind; id?: string }>();
  manifest: Loaded<Manifest> | undefined;
  /** Partner id → latest check-in, filled on demand and dropped when that partner's check-ins change. */
  private readonly latestCheckIn = new Map<string, CheckIn | undefined>();
  /** Every checkins/<year>/ folder seen; kept small and cheap for the watchers. */
  readonly checkInDirs = new Set<string>();

  /** Dangling and future-dated records are held out of the maps and reported (src/core/integrity.ts). */
  readonly integrity: Integrity;

  constructor(
    private readonly root: string,
    /** Only to point duplicate ids at their "id" line. */
    private readonly fs: FileSystemPort,
    now: () => Date,
  ) {
    this.integrity = new Integrity({
      now,
      checkIns: () => this.all('checkIn'),
      partners: () => this.collection('partner'),
      parents: (kind) => this.collection(kind),
      problems: () => this.problemsByPath.values(),
      loaded: (kind, id) => this.collection(kind).get(id),
      ofPartner: (kind, partnerId) => this.ofPartner(kind, partnerId),
      ofParent: (kind, parentId) => this.ofParent(kind, parentId),
      unput: (kind, loaded) => this.unput(kind, loaded),
      put: (kind, loaded) => this.put(kind, loaded),
      report: (file, kind, problem, id) => this.addProblem(file, kind, problem, id),
      clear: (file) => this.problemsByPath.delete(file),
      readFile: (file) => this.fs.readFile(file),
    });
  }

  /** A record that would be held at once (its partner is missing, its date too far ahead) is not written. */
  refuseHeld(kind: CollectionKind, value: RecordTypes[CollectionKind]): void {
    const refused = this.integrity.refusal(kind, value);
    if (refused) throw new StoreWriteError(refused.message, refused.code);
  }

  /** Every file read or reported. */
  knownFiles(): Set<string> {
    return new Set([...this.hashes.keys(), ...this.problemsByPath.keys()]);
  }

  all<K extends CollectionKind>(kind: K): Loaded<RecordTypes[K]>[] {
    return [...this.collection(kind).values()];
  }

  get<K extends CollectionKind>(kind: K, id: string): Loaded<RecordTypes[K]> | undefined {
    return this.collection(kind).get(id);
  }

  ofPartner<K extends CollectionKind>(kind: K, partnerId: string): Loaded<RecordTypes[K]>[] {
    const result: Loaded<RecordTypes[K]>[] = [];
    for (const id of this.byPartner.get(kind)?.get(partnerId) ?? []) {
      const record = this.collection(kind).get(id);
      if (record) result.push(record);
    }
    return result;
  }

  /** The records of a kind that name this initiative or concern (parentRefs.ts). */
  ofParent<K extends CollectionKind>(kind: K, parentId: string): Loaded<RecordTypes[K]>[] {
    const result: Loaded<RecordTypes[K]>[] = [];
    for (const id of this.byParent.get(kind)?.get(parentId) ?? []) {
      const record = this.collection(kind).get(id);
      if (record) result.push(record);
    }
    return result;
  }

  lastCheckIn(partnerId: string): CheckIn | undefined {
    if (!this.latestCheckIn.has(partnerId)) {
      let last: CheckIn | undefined;
      let lastTime = Number.NEGATIVE_INFINITY;
      for (const { value } of this.ofPartner('checkIn', partnerId)) {
        const time = Date.parse(value.date);
        if (time > lastTime) [last, lastTime] = [value, time];
      }
      this.latestCheckIn.set(partnerId, last);
    }
    return this.latestCheckIn.get(partnerId);
  }

  private collection<K extends CollectionKind>(kind: K): Map<string, Loaded<RecordTypes[K]>> {
    return this.collections.get(kind) as Map<string, Loaded<RecordTypes[K]>>;
  }

  /** checkins/<year>/ folders on disk may hold records soon even when empty (a pull fills them). */
  noteYearFolders(folders: readonly string[]): void {
    for (const folder of folders) if (roleInFolder(toRelative(this.root, folder))('x.json')) this.checkInDirs.add(folder);
  }

  problems(): StoreProblem[] {
    return [...this.problemsByPath.values()].sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  }

  /** Validates one file's bytes and files it under a record or a problem (a reload: duplicates are located after). */
  accept(file: string, bytes: Uint8Array): void {
    const role = roleOf(toRelative(this.root, file));
    if (role) this.install(file, judge(role, bytes));
  }

  /** Files a judged file under a record or a problem. */
  install(file: string, { role, hash, result }: Judged): void {
    if (role.kind === 'checkIn') this.checkInDirs.add(path.dirname(file));
    this.hashes.set(file, hash);
    if (!result.ok) {
      this.problemsByPath.set(file, {
        ...result.problem,
        path: file,
        relativePath: toRelative(this.root, file),
        kind: role.kind,
        id: role.expectedId || undefined,
      });
      return;
    }
    if (role.kind === 'manifest') {
      this.manifest = { value: result.value as Manifest, path: file, readOnly: result.readOnly, private: false };
      this.recordAt.set(file, { kind: 'manifest' });
      return;
    }
    const value = result.value as RecordTypes[CollectionKind];
    const loaded = { value, path: file, readOnly: result.readOnly, private: role.private };
    const other = this.collection(role.kind).get(value.id);
    // The common case first: a new id (a "kind:id" key per file would cost 66,000 strings a load).
    let group = this.duplicates.size > 0 ? this.duplicates.get(duplicateKey(role.kind, value.id)) : undefined;
    if (!group && (!other || other.path === file)) {
      this.put(role.kind, loaded);
      return;
    }
    // Two files, one id: which one would win depends on reading order, so neither does. Both are
    // reported and never written until one is left; where their "id" is, locateDuplicates() says.
    if (!group) {
      group = new Map();
      this.duplicates.set(duplicateKey(role.kind, value.id), group);
      if (other) {
        this.unput(role.kind, other);
        group.set(other.path, { loaded: other });
      }
    }
    group.set(file, { loaded });
    this.recordAt.set(file, { kind: role.kind, id: value.id });
    this.reportDuplicates(role.kind, value.id, group);
  }

  /** After a load: files sharing an id point at their "id" line (read again, only those: rare). */
  async locateAllDuplicates(): Promise<void> {
    for (const group of this.duplicates.values()) {
      const first = group.keys().next();
      if (!first.done && [...group.values()].some((entry) => !entry.location)) await this.locateDuplicates(first.value);
    }
  }

  /** The file it shares an id with was read earlier (a reload): read it again to point at its "id". */
  async locateDuplicates(file: string): Promise<void> {
    const record = this.recordAt.get(file);
    const group = record?.id && record.kind !== 'manifest' ? this.duplicates.get(duplicateKey(record.kind, record.id)) : undefined;
    if (!record?.id || record.kind === 'manifest' || !group) return;
    for (const [other, entry] of group) {
      if (!entry.location) entry.location = idLocation(await this.fs.readFile(other).catch(asError));
    }
    this.reportDuplicates(record.kind, record.id, group);
  }

  private reportDuplicates(kind: CollectionKind, id: string, group: Map<string, { location?: TextLocation }>): void {
    for (const [file, { location = { line: 1, column: 1 } }] of group) {
      const others = [...group.keys()]
        .filter((path) => path !== file)
        .map((path) => toRelative(this.root, path))
        .sort();
      this.addProblem(file, kind, { code: 'duplicate-id', reason: duplicateReason(id, others), location }, id);
    }
  }

  /** Takes a file out of its duplicate-id group; the last one left loads again. */
  private leaveDuplicates(file: string, kind: CollectionKind, id: string): void {
    const key = duplicateKey(kind, id);
    const group = this.duplicates.get(key);
    if (!group?.delete(file)) return;
    if (group.size > 1) {
      this.reportDuplicates(kind, id, group);
      return;
    }
    this.duplicates.delete(key);
    for (const [rest, { loaded }] of group) {
      this.problemsByPath.delete(rest);
      this.put(kind, loaded);
    }
  }

  /** Takes a record out of the maps (not its file's hash). */
  private unput(kind: CollectionKind, loaded: Loaded<RecordTypes[CollectionKind]>): void {
    this.integrity.unput(kind, loaded);
    this.collection(kind).delete(loaded.value.id);
    for (const partnerId of partnerIdsOf(kind, loaded.value)) {
      this.byPartner.get(kind)?.get(partnerId)?.delete(loaded.value.id);
      if (kind === 'checkIn') this.latestCheckIn.delete(partnerId);
    }
    const parentId = parentIdOf(kind, loaded.value);
    if (parentId !== undefined) this.byParent.get(kind)?.get(parentId)?.delete(loaded.value.id);
  }

  /** Files a record under its kind, id and partner. */
  private put(kind: CollectionKind, loaded: Loaded<RecordTypes[CollectionKind]>): void {
    this.integrity.put(kind, loaded);
    this.collection(kind).set(loaded.value.id, loaded);
    this.recordAt.set(loaded.path, { kind, id: loaded.value.id });
    for (const partnerId of partnerIdsOf(kind, loaded.value)) {
      const index = this.byPartner.get(kind) as Map<string, Set<string>>;
      let ids = index.get(partnerId);
      if (!ids) index.set(partnerId, (ids = new Set()));
      ids.add(loaded.value.id);
      if (kind === 'checkIn') this.latestCheckIn.delete(partnerId);
    }
    const parentId = parentIdOf(kind, loaded.value);
    if (parentId !== undefined) {
      const index = this.byParent.get(kind) as Map<string, Set<string>>;
      let ids = index.get(parentId);
      if (!ids) index.set(parentId, (ids = new Set()));
      ids.add(loaded.value.id);
    }
  }

  /** A record just written: it replaces whatever the file held. */
  remember<K extends CollectionKind>(file: string, hash: string, kind: K, loaded: Loaded<RecordTypes[K]>): void {
    this.forget(file);
    this.hashes.set(file, hash);
    if (kind === 'checkIn') this.checkInDirs.add(path.dirname(file));
    this.put(kind, loaded);
  }

  /** The manifest just written. */
  rememberManifest(file: string, hash: string, value: Manifest): void {
    this.hashes.set(file, hash);
    this.manifest = { value, path: file, readOnly: false, private: false };
    this.recordAt.set(file, { kind: 'manifest' });
  }

  /** Drops everything known about a file. */
  forget(file: string): void {
    this.integrity.forget(file);
    this.hashes.delete(file);
    this.problemsByPath.delete(file);
    const record = this.recordAt.get(file);
    this.recordAt.delete(file);
    if (!record) return;
    if (record.kind === 'manifest') {
      this.manifest = undefined;
      return;
    }
    if (record.id) this.leaveDuplicates(file, record.kind, record.id);
    const loaded = record.id ? this.collection(record.kind).get(record.id) : undefined;
    if (loaded?.path === file) this.unput(record.kind, loaded);
  }

  addLinkProblem(file: string, target: string): void {
    const role = roleOf(toRelative(this.root, file));
    if (role)
      this.addProblem(
        file,
        role.kind,
        {
          code: 'link',
          reason: l10n.t('File is a symbolic link to {0}, outside the workspace folder; it is not read.', target),
          location: { line: 1, column: 1 },
        },
        role.expectedId,
      );
  }

  addUnreadable(file: string, error: unknown): void {
    const role = roleOf(toRelative(this.root, file));
    if (role)
      this.addProblem(
        file,
        role.kind,
        { code: 'encoding', reason: l10n.t('File cannot be read: {0}', errorMessage(error)), location: { line: 1, column: 1 } },
        role.expectedId,
      );
  }

  private addProblem(file: string, kind: RecordKind, problem: RecordProblem, id?: string): void {
    this.problemsByPath.set(file, { ...problem, path: file, relativePath: toRelative(this.root, file), kind, id: id || undefined });
  }
}
