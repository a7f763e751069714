import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as v from 'valibot';
import { Emitter } from './events';
import { isNotFound, type FileSystemPort } from './fileSystem';
import type { Sleep } from './gitState';
import { newId } from './ids';
import { decodeUtf8, locatePath, type TextLocation } from './jsonText';
import {
  COLLECTION_KINDS,
  SCHEMA_VERSION,
  SCHEMAS,
  STORE_FORMAT,
  type CheckIn,
  type CollectionKind,
  type Manifest,
  type Partner,
  type RecordKind,
  type RecordTypes,
} from './model';
import type { RecordProblem } from './recordReader';
import { issueSentence } from './schemaIssues';
import {
  CHECKINS_DIR,
  GITIGNORE_FILE,
  GITIGNORE_TEXT,
  MANIFEST_FILE,
  PARTNERS_DIR,
  PRIVATE_DIR,
  fileFor,
  recordFolders,
  roleOf,
  toRelative,
  type Placement,
} from './storeLayout';
import { GuardedWriter } from './guardedWriter';
import { hashOf, judge, type Judged } from './judge';
import { linksOutside, outsideWorkspace } from './confinement';
import { listStore } from './storeListing';
import { removeOldTempFiles } from './tempFiles';
import { WriteQueue } from './writeQueue';
import { StoreWriteError, asError, errorMessage, noRecordMessage } from './storeErrors';
import type { Loaded, NewCheckIn, NewPartner, NewRecord, PartnerChange, RecordChange, StoreOptions, StoreProblem } from './storeTypes';

export { StoreWriteError, isStoreWriteError, type StoreWriteErrorCode } from './storeErrors';
export { TEMP_MAX_AGE_MS } from './tempFiles';
export type { Loaded, NewCheckIn, NewPartner, NewRecord, PartnerChange, RecordChange, StoreOptions, StoreProblem } from './storeTypes';

const READ_CONCURRENCY = 64;
/** Files read, then judged, at a time during a load. */
const LOAD_SLICE = 512;

/**
 * The `.alliances/` folder in memory: reads every record, reports the files it cannot read (and never
 * writes them), and writes records atomically, one at a time per file, refusing to overwrite a file that
 * changed on disk since it was read.
 */
export class Store {
  readonly root: string;
  private readonly fs: FileSystemPort;
  private readonly now: () => Date;
  private readonly sleep: Sleep;
  /** Every record by kind and id. */
  private readonly collections = new Map<CollectionKind, Map<string, Loaded<RecordTypes[CollectionKind]>>>(
    COLLECTION_KINDS.map((kind) => [kind, new Map()]),
  );
  /** Record ids by kind and partner id: check-ins, talking points, follow-ups and asks of a partner. */
  private readonly byPartner = new Map<CollectionKind, Map<string, Set<string>>>(COLLECTION_KINDS.map((kind) => [kind, new Map()]));
  private readonly problemsByPath = new Map<string, StoreProblem>();
  /** Files that share an id ("kind:id" → path → what it holds): none of them loads until one is left. */
  private readonly duplicates = new Map<string, Map<string, { loaded: Loaded<RecordTypes[CollectionKind]>; location?: TextLocation }>>();
  /** Content hash of every file as last read or written: the guard against clobbering newer files. */
  private readonly hashes = new Map<string, string>();
  /** Which record each file holds, so a deleted or changed file can be taken out of the maps. */
  private readonly recordAt = new Map<string, { kind: RecordKind; id?: string }>();
  private readonly queue = new WriteQueue();
  private readonly writer: GuardedWriter;
  private manifestRecord: Loaded<Manifest> | undefined;
  /** Files written while a load() is reading the folder; that load must not replace them. */
  private readonly writesDuringLoad = new Set<Set<string>>();
  /** Partner id → latest check-in, filled on demand and dropped when that partner's check-ins change. */
  private readonly latestCheckIn = new Map<string, CheckIn | undefined>();
  /** Every checkins/<year>/ folder seen; kept small and cheap for the watchers. */
  private readonly checkInDirs = new Set<string>();
  private loaded = false;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: StoreOptions) {
    this.root = options.root;
    this.fs = options.fs;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.writer = new GuardedWriter({
      root: this.root,
      fs: this.fs,
      sleep: this.sleep,
      writeGuard: options.writeGuard,
      workspaceFolder: options.workspaceFolder,
      problemOf: (file) => this.problemsByPath.get(file),
      changedOnDisk: (file) => void this.reloadFile(file),
    });
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** True once the store folder has a manifest or any partner. */
  get exists(): boolean {
    return this.manifestRecord !== undefined || this.hashes.size > 0 || this.problemsByPath.size > 0;
  }

  get manifest(): Manifest | undefined {
    return this.manifestRecord?.value;
  }

  /** Every record of a kind. */
  all<K extends CollectionKind>(kind: K): Loaded<RecordTypes[K]>[] {
    return [...this.collection(kind).values()];
  }

  get<K extends CollectionKind>(kind: K, id: string): Loaded<RecordTypes[K]> | undefined {
    return this.collection(kind).get(id);
  }

  /** A partner's records of a kind (check-ins, talking points, follow-ups, asks). */
  ofPartner<K extends CollectionKind>(kind: K, partnerId: string): Loaded<RecordTypes[K]>[] {
    const result: Loaded<RecordTypes[K]>[] = [];
    for (const id of this.byPartner.get(kind)?.get(partnerId) ?? []) {
      const record = this.collection(kind).get(id);
      if (record) result.push(record);
    }
    return result;
  }

  partners(): Loaded<Partner>[] {
    return this.all('partner');
  }

  partner(id: string): Loaded<Partner> | undefined {
    return this.get('partner', id);
  }

  checkIns(): Loaded<CheckIn>[] {
    return this.all('checkIn');
  }

  /** A partner's check-ins, newest first. */
  checkInsOf(partnerId: string): Loaded<CheckIn>[] {
    return this.ofPartner('checkIn', partnerId).sort((a, b) => b.value.date.localeCompare(a.value.date));
  }

  /** The latest check-in of a partner (kept in an index: due states are computed for everyone, often). */
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

  /** The checkins/<year>/ folders that hold known files (for watchers). */
  checkInFolders(): string[] {
    return [...this.checkInDirs];
  }

  /** Every folder that holds or may hold records, for watchers: the store, each kind, private/. */
  folders(): string[] {
    return [this.root, path.join(this.root, PRIVATE_DIR), ...recordFolders(this.root), ...this.checkInDirs];
  }

  problems(): StoreProblem[] {
    return [...this.problemsByPath.values()].sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  }

  /** The team-wide default cadence from the manifest, if the team set one. */
  teamCadenceDays(): number | undefined {
    return this.manifestRecord?.value.defaults?.cadenceDays;
  }

  // ---- reading ------------------------------------------------------------------------------

  /** Reads the whole store from scratch. */
  async load(): Promise<void> {
    const outside = await outsideWorkspace(this.fs, this.options.workspaceFolder, this.root);
    if (outside) {
      throw new Error(
        l10n.t(
          'The store folder {0} resolves to {1}, outside the workspace folder {2}; Alliances does not read or write it.',
          this.root,
          outside,
          this.options.workspaceFolder ?? '',
        ),
      );
    }
    const writtenMeanwhile = new Set<string>();
    this.writesDuringLoad.add(writtenMeanwhile);
    const listing = await listStore(this.fs, this.root);
    const roles = listing.roles;
    await removeOldTempFiles(this.fs, listing.temps);
    const refusedLinks = await linksOutside(this.fs, this.options.workspaceFolder, listing.links);
    for (const file of refusedLinks.keys()) roles.delete(file);
    const files = [...roles.keys()];
    // Each file is judged (hashed, parsed, validated) as soon as its slice is read, so its bytes are
    // garbage at once instead of 66 MB of buffers living until the end of the load.
    const judged = new Map<string, Judged | Error>();
    for (let start = 0; start < files.length; start += LOAD_SLICE) {
      const slice = files.slice(start, start + LOAD_SLICE);
      const bytes = await this.readSlice(slice);
      slice.forEach((file, index) => {
        const read =
          bytes[index] ??
          new Error(l10n.t({ message: 'not read', comment: ['Why a store file could not be read: the read returned nothing.'] }));
        const role = roles.get(file);
        judged.set(file, read instanceof Error || !role ? asError(read) : judge(role, read));
      });
    }
    this.writesDuringLoad.delete(writtenMeanwhile);
    // Start over, except for files written while the folder was being read: they are newer than what was read.
    for (const file of new Set([...this.hashes.keys(), ...this.problemsByPath.keys()])) {
      if (!writtenMeanwhile.has(file)) this.forget(file);
    }
    for (const [file, target] of refusedLinks) this.addLinkProblem(file, target);
    for (const [file, result] of judged) {
      if (writtenMeanwhile.has(file)) continue;
      if (result instanceof Error) {
        if (!isNotFound(result)) this.addUnreadable(file, result);
        continue;
      }
      this.install(file, result);
    }
    // Files sharing an id point at their "id" line: read again, only those (rare).
    for (const group of this.duplicates.values()) {
      const first = group.keys().next();
      if (!first.done && [...group.values()].some((entry) => !entry.location)) await this.locateDuplicates(first.value);
    }
    this.loaded = true;
    this.changed.fire();
  }

  private async readSlice(files: readonly string[]): Promise<(Uint8Array | Error)[]> {
    if (this.fs.readMany) return this.fs.readMany(files);
    const result: (Uint8Array | Error)[] = [];
    for (let i = 0; i < files.length; i += READ_CONCURRENCY) {
      const batch = files.slice(i, i + READ_CONCURRENCY);
      result.push(...(await Promise.all(batch.map((file) => this.fs.readFile(file).catch(asError)))));
    }
    return result;
  }

  /**
   * Re-reads one file after an outside change (git pull, hand edit, another window). Returns whether
   * anything changed. A path that is not a record file is ignored.
   */
  reloadFile(file: string): Promise<boolean> {
    if (!roleOf(toRelative(this.root, file))) return Promise.resolve(false);
    // In the file's queue: a reload never interleaves with a write of the same file.
    return this.queue.run(file, () => this.readAgain(file));
  }

  /**
   * Brings memory in line with the folder without starting over: new files are read, vanished ones
   * dropped. For folder-level events (a checkout, `rm -r`) whose files may not get events of their own;
   * unlike load(), it never drops a record written meanwhile.
   */
  async sync(): Promise<boolean> {
    const onDisk = new Set(await this.listRecordFiles());
    const known = new Set([...this.hashes.keys(), ...this.problemsByPath.keys()].filter((file) => roleOf(toRelative(this.root, file))));
    const changed = await Promise.all(
      [...onDisk]
        .filter((file) => !known.has(file))
        .concat([...known].filter((file) => !onDisk.has(file)))
        .map((file) => this.reloadFile(file)),
    );
    if (!this.loaded) {
      this.loaded = true;
      this.changed.fire();
    }
    return changed.some(Boolean);
  }

  private async readAgain(file: string): Promise<boolean> {
    if ((await this.fs.lstat(file).catch(() => undefined))?.isSymbolicLink) {
      const target = (await linksOutside(this.fs, this.options.workspaceFolder, [file])).get(file);
      if (target) {
        const known = this.problemsByPath.get(file)?.code === 'link';
        this.forget(file);
        this.addLinkProblem(file, target);
        if (!known) this.changed.fire();
        return !known;
      }
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.fs.readFile(file);
    } catch (error) {
      if (!isNotFound(error)) {
        this.forget(file);
        this.addUnreadable(file, error);
        this.changed.fire();
        return true;
      }
    }
    if (bytes === undefined) {
      const known = this.hashes.has(file) || this.problemsByPath.has(file);
      this.forget(file);
      if (known) this.changed.fire();
      return known;
    }
    if (this.hashes.get(file) === hashOf(bytes)) return false;
    this.forget(file);
    this.accept(file, bytes);
    await this.locateDuplicates(file);
    this.changed.fire();
    return true;
  }

  private async listRecordFiles(): Promise<string[]> {
    return [...(await listStore(this.fs, this.root)).roles.keys()];
  }

  /** Validates one file's bytes and files it under a record or a problem (a reload: duplicates are located after). */
  private accept(file: string, bytes: Uint8Array): void {
    const role = roleOf(toRelative(this.root, file));
    if (role) this.install(file, judge(role, bytes));
  }

  /** Files a judged file under a record or a problem. */
  private install(file: string, { role, hash, result }: Judged): void {
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
      this.manifestRecord = { value: result.value as Manifest, path: file, readOnly: result.readOnly, private: false };
      this.recordAt.set(file, { kind: 'manifest' });
      return;
    }
    const value = result.value as RecordTypes[CollectionKind];
    const loaded = { value, path: file, readOnly: result.readOnly, private: role.private };
    const other = this.collection(role.kind).get(value.id);
    // The common case first: a new id (a "kind:id" key per file would cost 66,000 strings a load).
    let group = this.duplicates.size > 0 ? this.duplicates.get(`${role.kind}:${value.id}`) : undefined;
    if (!group && (!other || other.path === file)) {
      this.put(role.kind, loaded);
      return;
    }
    // Two files, one id: which one would win depends on reading order, so neither does. Both are
    // reported and never written until one is left; where their "id" is, locateDuplicates() says.
    if (!group) {
      group = new Map();
      this.duplicates.set(`${role.kind}:${value.id}`, group);
      if (other) {
        this.unput(role.kind, other);
        group.set(other.path, { loaded: other });
      }
    }
    group.set(file, { loaded });
    this.recordAt.set(file, { kind: role.kind, id: value.id });
    this.reportDuplicates(role.kind, value.id, group);
  }

  /** The file it shares an id with was read earlier (a reload): read it again to point at its "id". */
  private async locateDuplicates(file: string): Promise<void> {
    const record = this.recordAt.get(file);
    const group = record?.id && record.kind !== 'manifest' ? this.duplicates.get(`${record.kind}:${record.id}`) : undefined;
    if (!record?.id || record.kind === 'manifest' || !group) return;
    for (const [other, entry] of group) {
      if (!entry.location)
        entry.location = idLocation(
          await this.fs.readFile(other).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
        );
    }
    this.reportDuplicates(record.kind, record.id, group);
  }

  private reportDuplicates(kind: CollectionKind, id: string, group: Map<string, { location?: TextLocation }>): void {
    for (const [file, { location = { line: 1, column: 1 } }] of group) {
      const others = [...group.keys()]
        .filter((path) => path !== file)
        .map((path) => toRelative(this.root, path))
        .sort();
      const reason =
        others.length > 1
          ? l10n.t(
              'Duplicate id {0}: {1} have the same one. Neither is loaded: give one a new id and file name, or delete it.',
              id,
              others.join(', '),
            )
          : l10n.t(
              'Duplicate id {0}: {1} has the same one. Neither is loaded: give one a new id and file name, or delete it.',
              id,
              others.join(', '),
            );
      this.addProblem(file, kind, { code: 'duplicate-id', reason, location }, id);
    }
  }

  /** Takes a file out of its duplicate-id group; the last one left loads again. */
  private leaveDuplicates(file: string, kind: CollectionKind, id: string): void {
    const key = `${kind}:${id}`;
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
    this.collection(kind).delete(loaded.value.id);
    const partnerId = (loaded.value as { partnerId?: unknown }).partnerId;
    if (typeof partnerId === 'string') {
      this.byPartner.get(kind)?.get(partnerId)?.delete(loaded.value.id);
      if (kind === 'checkIn') this.latestCheckIn.delete(partnerId);
    }
  }

  /** Files a record under its kind, id and partner. */
  private put(kind: CollectionKind, loaded: Loaded<RecordTypes[CollectionKind]>): void {
    this.collection(kind).set(loaded.value.id, loaded);
    this.recordAt.set(loaded.path, { kind, id: loaded.value.id });
    const partnerId = (loaded.value as { partnerId?: unknown }).partnerId;
    if (typeof partnerId === 'string') {
      const index = this.byPartner.get(kind) as Map<string, Set<string>>;
      let ids = index.get(partnerId);
      if (!ids) index.set(partnerId, (ids = new Set()));
      ids.add(loaded.value.id);
      if (kind === 'checkIn') this.latestCheckIn.delete(partnerId);
    }
  }

  private forget(file: string): void {
    this.hashes.delete(file);
    this.problemsByPath.delete(file);
    const record = this.recordAt.get(file);
    this.recordAt.delete(file);
    if (!record) return;
    if (record.kind === 'manifest') {
      this.manifestRecord = undefined;
      return;
    }
    if (record.id) this.leaveDuplicates(file, record.kind, record.id);
    const loaded = record.id ? this.collection(record.kind).get(record.id) : undefined;
    if (loaded?.path === file) this.unput(record.kind, loaded);
  }

  private addLinkProblem(file: string, target: string): void {
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

  private addUnreadable(file: string, error: unknown): void {
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

  // ---- writing ------------------------------------------------------------------------------

  private initializing: Promise<void> | undefined;

  /** Creates the manifest, the folders and the .gitignore that keeps private notes out of git. */
  initialize(): Promise<void> {
    // Two first writes at once (two Add Partner) share one initialisation.
    this.initializing ??= this.createStoreFiles().finally(() => {
      this.initializing = undefined;
    });
    return this.initializing;
  }

  private async createStoreFiles(): Promise<void> {
    await this.fs.mkdir(path.join(this.root, PARTNERS_DIR));
    await this.fs.mkdir(path.join(this.root, CHECKINS_DIR));
    const gitignore = path.join(this.root, GITIGNORE_FILE);
    // Another window or process may initialise the same store at the same moment: theirs is as good as ours.
    const createdElsewhere = (error: unknown) => {
      if (!(error instanceof StoreWriteError && error.code === 'changed-on-disk')) throw error;
    };
    if (!(await this.fs.exists(gitignore))) await this.writer.write(gitignore, GITIGNORE_TEXT, undefined).catch(createdElsewhere);
    const manifest = path.join(this.root, MANIFEST_FILE);
    if (!this.manifestRecord && !this.problemsByPath.has(manifest) && !(await this.fs.exists(manifest))) {
      const value: Manifest = { format: STORE_FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: this.now().toISOString() };
      await this.queue
        .run(manifest, async () => {
          this.hashes.set(manifest, await this.writer.write(manifest, serialise(value), undefined));
          this.manifestRecord = { value, path: manifest, readOnly: false, private: false };
          this.recordAt.set(manifest, { kind: 'manifest' });
          for (const written of this.writesDuringLoad) written.add(manifest);
        })
        .catch(createdElsewhere);
    }
    this.loaded = true;
    this.changed.fire();
  }

  async addPartner(input: NewPartner): Promise<Loaded<Partner>> {
    const name = input.name.trim();
    return this.create(
      'partner',
      {
        name,
        ...(input.role?.trim() ? { role: input.role.trim() } : {}),
        department: input.department.trim(),
        ...(input.email?.trim() ? { email: input.email.trim() } : {}),
        ...(input.cadenceDays !== undefined ? { cadenceDays: input.cadenceDays } : {}),
      },
      { name },
    );
  }

  /**
   * Applies a change to the latest version of a partner. Runs in the file's queue, so rapid edits apply
   * in order, each on top of the previous one. Fields this build does not know are kept.
   */
  updatePartner(id: string, change: PartnerChange | ((current: Partner) => PartnerChange)): Promise<Loaded<Partner>> {
    return this.update('partner', id, change);
  }

  async addCheckIn(input: NewCheckIn): Promise<Loaded<CheckIn>> {
    if (!this.get('partner', input.partnerId))
      throw new StoreWriteError(l10n.t('No partner with id {0}; the check-in was not saved.', input.partnerId), 'not-found');
    const date = input.date ?? this.now();
    return this.create(
      'checkIn',
      {
        partnerId: input.partnerId,
        date: date.toISOString(),
        kind: input.kind,
        ...(input.rating !== undefined ? { rating: input.rating } : {}),
        summary: input.summary.trim(),
        ...(input.notes?.trim() ? { notes: input.notes } : {}),
      },
      { date, private: input.private },
    );
  }

  /** Writes a new record of any kind: id, schema version, dates and author are added here. */
  async create<K extends CollectionKind>(kind: K, fields: NewRecord<K>, placement: Placement = {}): Promise<Loaded<RecordTypes[K]>> {
    if (!this.manifestRecord) await this.initialize();
    const author = await this.options.author();
    const now = this.now();
    // A check-in's private notes share its id: one notes file per check-in, found without an index.
    const checkInId = (fields as { checkInId?: unknown }).checkInId;
    const id = kind === 'note' && typeof checkInId === 'string' ? checkInId : newId(now.getTime());
    const stamp = now.toISOString();
    const value = validated(SCHEMAS[kind], {
      schemaVersion: SCHEMA_VERSION,
      id,
      ...fields,
      createdAt: stamp,
      updatedAt: stamp,
      author,
    }) as RecordTypes[K];
    const file = fileFor(this.root, kind, id, placement);
    return this.queue.run(file, async () => {
      const hash = await this.writer.write(file, serialise(value), undefined);
      return this.remember(file, hash, kind, value, roleOf(toRelative(this.root, file))?.private ?? false);
    });
  }

  /**
   * Applies a change to the latest version of a record, in the file's queue (rapid edits apply in
   * order, each on top of the previous one). Fields this build does not know are kept; a field set to
   * undefined is removed.
   */
  async update<K extends CollectionKind>(
    kind: K,
    id: string,
    change: RecordChange<K> | ((current: RecordTypes[K]) => RecordChange<K>),
  ): Promise<Loaded<RecordTypes[K]>> {
    const initial = this.get(kind, id);
    if (!initial) throw new StoreWriteError(noRecordMessage(kind, id, this.root), 'not-found');
    return this.queue.run(initial.path, async () => {
      // Asked inside the queue, so edits apply in the order they were made.
      const author = await this.options.author();
      const current = this.get(kind, id);
      if (!current)
        throw new StoreWriteError(
          l10n.t('The file {0} is gone or broken; nothing was written.', toRelative(this.root, initial.path)),
          'not-found',
        );
      if (current.readOnly) {
        throw new StoreWriteError(
          l10n.t(
            '{0} was written by a newer version of Alliances; it is read-only here. Update the extension to edit it.',
            toRelative(this.root, current.path),
          ),
          'read-only',
        );
      }
      const patch = typeof change === 'function' ? change(current.value) : change;
      const next: Record<string, unknown> = { ...current.value, ...patch, updatedAt: this.now().toISOString(), updatedBy: author };
      for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
      const value = validated(SCHEMAS[kind], next) as RecordTypes[K];
      const hash = await this.writer.write(current.path, serialise(value), this.hashes.get(current.path));
      return this.remember(current.path, hash, kind, value, current.private);
    });
  }

  private remember<K extends CollectionKind>(
    file: string,
    hash: string,
    kind: K,
    value: RecordTypes[K],
    isPrivate: boolean,
  ): Loaded<RecordTypes[K]> {
    for (const written of this.writesDuringLoad) written.add(file);
    this.forget(file);
    this.hashes.set(file, hash);
    if (kind === 'checkIn') this.checkInDirs.add(path.dirname(file));
    const loaded: Loaded<RecordTypes[K]> = { value, path: file, readOnly: false, private: isPrivate };
    this.put(kind, loaded);
    this.changed.fire();
    return loaded;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Where "id" is in a file's bytes (for duplicate ids), or the start when they are not at hand. */
function idLocation(bytes: Uint8Array | Error | undefined): TextLocation {
  const decoded = bytes instanceof Uint8Array ? decodeUtf8(bytes) : undefined;
  return decoded?.ok ? locatePath(decoded.text, ['id']) : { line: 1, column: 1 };
}

/** Pretty-printed with a final newline, so git diffs read well. */
export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function validated<T extends v.GenericSchema>(schema: T, value: unknown): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new StoreWriteError(l10n.t('Not saved: {0}', issueSentence(issue, v.getDotPath(issue) ?? undefined)), 'invalid');
}

export type { TextLocation };
