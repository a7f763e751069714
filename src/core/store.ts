import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { linksOutside, refuseStoreOutside } from './confinement';
import type { CadencePolicy } from './cadence';
import type { Emitter } from './events';
import { SettlingEmitter } from './integrity';
import { isNotFound, type FileSystemPort } from './fileSystem';
import type { Sleep } from './gitState';
import { GuardedWriter } from './guardedWriter';
import { newId } from './ids';
import { hashOf } from './judge';
import { type CollectionKind } from './vocabulary';
import { SCHEMA_VERSION, SCHEMAS, STORE_FORMAT, type CheckIn, type Manifest, type Partner, type RecordTypes } from './model';
import { RecordIndex } from './recordIndex';
import { StoreWriteError, noRecordMessage, readOnlyMessage } from './storeErrors';
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
import { listStore } from './storeListing';
import { readAndJudge } from './loadReader';
import { checkInFields, partnerFields, serialise, validated } from './recordValues';
import type { Loaded, NewCheckIn, NewPartner, NewRecord, PartnerChange, RecordChange, StoreOptions, StoreProblem } from './storeTypes';
import { removeOldTempFiles } from './tempFiles';
import { WriteQueue } from './writeQueue';

// The store's parts live in files of their own; what other code imports from here stays here.
export { StoreWriteError, isStoreWriteError, type StoreWriteErrorCode } from './storeErrors';
export { TEMP_MAX_AGE_MS } from './tempFiles';
export { serialise } from './recordValues';
export type { Loaded, NewCheckIn, NewPartner, NewRecord, PartnerChange, RecordChange, StoreOptions, StoreProblem } from './storeTypes';

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
  private readonly index: RecordIndex;
  private readonly queue = new WriteQueue();
  private readonly writer: GuardedWriter;
  /** Files written while a load() is reading the folder; that load must not replace them. */
  private readonly writesDuringLoad = new Set<Set<string>>();
  private loaded = false;
  /** Every change is settled by the integrity checks (dangling, future-dated) before it is announced. */
  private readonly changed: Emitter<void> = new SettlingEmitter(() => this.index.integrity);
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: StoreOptions) {
    this.root = options.root;
    this.fs = options.fs;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.index = new RecordIndex(this.root, this.fs, this.now);
    this.writer = new GuardedWriter({
      root: this.root,
      fs: this.fs,
      sleep: this.sleep,
      writeGuard: options.writeGuard,
      workspaceFolder: options.workspaceFolder,
      problemOf: (file) => this.index.problemsByPath.get(file),
      changedOnDisk: (file) => void this.reloadFile(file),
    });
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** True once the store folder has a manifest or any partner. */
  get exists(): boolean {
    return this.index.manifest !== undefined || this.index.hashes.size > 0 || this.index.problemsByPath.size > 0;
  }

  get manifest(): Manifest | undefined {
    return this.index.manifest?.value;
  }

  /** Every record of a kind. */
  all<K extends CollectionKind>(kind: K): Loaded<RecordTypes[K]>[] {
    return this.index.all(kind);
  }

  get<K extends CollectionKind>(kind: K, id: string): Loaded<RecordTypes[K]> | undefined {
    return this.index.get(kind, id);
  }

  /** A partner's records of a kind (check-ins, talking points, follow-ups, asks). */
  ofPartner<K extends CollectionKind>(kind: K, partnerId: string): Loaded<RecordTypes[K]>[] {
    return this.index.ofPartner(kind, partnerId);
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
    return this.index.lastCheckIn(partnerId);
  }

  /** The checkins/<year>/ folders that hold known files (for watchers). */
  checkInFolders(): string[] {
    return [...this.index.checkInDirs];
  }

  /** Every folder that holds or may hold records, for watchers: the store, each kind, private/. */
  folders(): string[] {
    return [this.root, path.join(this.root, PRIVATE_DIR), ...recordFolders(this.root), ...this.index.checkInDirs];
  }

  problems(): StoreProblem[] {
    return this.index.problems();
  }

  /** As time passes: a check-in held for being dated ahead counts once it is within a day. */
  recheckDates(): boolean {
    const moved = this.index.integrity.recheckDates();
    if (moved) this.changed.fire();
    return moved;
  }

  /** The team-wide default cadence from the manifest, if the team set one. */
  teamCadenceDays(): number | undefined {
    return this.index.manifest?.value.defaults?.cadenceDays;
  }

  /** What decides cadences here: the team's rules in alliances.json over the user's setting. */
  cadencePolicy(settingDays: number): CadencePolicy {
    return { settingDays, team: this.index.manifest?.value.defaults };
  }

  /** Reads the whole store from scratch. */
  async load(): Promise<void> {
    await refuseStoreOutside(this.fs, this.options.workspaceFolder, this.root);
    const writtenMeanwhile = new Set<string>();
    this.writesDuringLoad.add(writtenMeanwhile);
    const listing = await listStore(this.fs, this.root);
    const roles = listing.roles;
    this.index.noteYearFolders(listing.yearFolders);
    await removeOldTempFiles(this.fs, listing.temps);
    const refusedLinks = await linksOutside(this.fs, this.options.workspaceFolder, listing.links);
    for (const file of refusedLinks.keys()) roles.delete(file);
    const judged = await readAndJudge(this.fs, roles);
    this.writesDuringLoad.delete(writtenMeanwhile);
    // Start over, except for files written while the folder was being read: they are newer than what was read.
    for (const file of this.index.knownFiles()) {
      if (!writtenMeanwhile.has(file)) this.index.forget(file);
    }
    for (const [file, target] of refusedLinks) this.index.addLinkProblem(file, target);
    for (const [file, result] of judged) {
      if (writtenMeanwhile.has(file)) continue;
      if (result instanceof Error) {
        if (!isNotFound(result)) this.index.addUnreadable(file, result);
        continue;
      }
      this.index.install(file, result);
    }
    await this.index.locateAllDuplicates();
    await this.index.integrity.settleAndLocate();
    this.loaded = true;
    this.changed.fire();
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
    const listing = await listStore(this.fs, this.root);
    this.index.noteYearFolders(listing.yearFolders);
    const onDisk = new Set(listing.roles.keys());
    const known = new Set([...this.index.knownFiles()].filter((file) => roleOf(toRelative(this.root, file))));
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
        const known = this.index.problemsByPath.get(file)?.code === 'link';
        this.index.forget(file);
        this.index.addLinkProblem(file, target);
        if (!known) this.changed.fire();
        return !known;
      }
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.fs.readFile(file);
    } catch (error) {
      if (!isNotFound(error)) {
        this.index.forget(file);
        this.index.addUnreadable(file, error);
        this.changed.fire();
        return true;
      }
    }
    if (bytes === undefined) {
      const known = this.index.hashes.has(file) || this.index.problemsByPath.has(file);
      this.index.forget(file);
      if (known) this.changed.fire();
      return known;
    }
    if (this.index.hashes.get(file) === hashOf(bytes)) return false;
    this.index.forget(file);
    this.index.accept(file, bytes);
    await this.index.locateDuplicates(file);
    this.changed.fire();
    return true;
  }

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
    if (!this.index.manifest && !this.index.problemsByPath.has(manifest) && !(await this.fs.exists(manifest))) {
      const value: Manifest = { format: STORE_FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: this.now().toISOString() };
      await this.queue
        .run(manifest, async () => {
          this.index.rememberManifest(manifest, await this.writer.write(manifest, serialise(value), undefined), value);
          for (const written of this.writesDuringLoad) written.add(manifest);
        })
        .catch(createdElsewhere);
    }
    this.loaded = true;
    this.changed.fire();
  }

  async addPartner(input: NewPartner): Promise<Loaded<Partner>> {
    return this.create('partner', partnerFields(input), { name: input.name.trim() });
  }

  /**
   * Applies a change to the latest version of a partner. Runs in the file's queue, so rapid edits apply
   * in order, each on top of the previous one. Fields this build does not know are kept.
   */
  updatePartner(id: string, change: PartnerChange | ((current: Partner) => PartnerChange)): Promise<Loaded<Partner>> {
    return this.update('partner', id, change);
  }

  async addCheckIn(input: NewCheckIn): Promise<Loaded<CheckIn>> {
    for (const partnerId of [input.partnerId, ...(input.partnerIds ?? [])])
      if (!this.get('partner', partnerId))
        throw new StoreWriteError(l10n.t('No partner with id {0}; the check-in was not saved.', partnerId), 'not-found');
    const date = input.date ?? this.now();
    return this.create('checkIn', checkInFields(input, date), { date, private: input.private });
  }

  /** Writes a new record of any kind: id, schema version, dates and author are added here. */
  async create<K extends CollectionKind>(kind: K, fields: NewRecord<K>, placement: Placement = {}): Promise<Loaded<RecordTypes[K]>> {
    if (!this.index.manifest) await this.initialize();
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
    this.index.refuseHeld(kind, value);
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
      if (current.readOnly) throw new StoreWriteError(readOnlyMessage(toRelative(this.root, current.path)), 'read-only');
      const patch = typeof change === 'function' ? change(current.value) : change;
      const next: Record<string, unknown> = { ...current.value, ...patch, updatedAt: this.now().toISOString(), updatedBy: author };
      for (const key of Object.keys(patch)) if (next[key] === undefined) delete next[key];
      const value = validated(SCHEMAS[kind], next) as RecordTypes[K];
      this.index.refuseHeld(kind, value);
      const hash = await this.writer.write(current.path, serialise(value), this.index.hashes.get(current.path));
      return this.remember(current.path, hash, kind, value, current.private);
    });
  }

  /** Deletes a record's file (a connection removed): refused on conflict, never over a broken file. */
  async remove(kind: CollectionKind, id: string): Promise<void> {
    const record = this.get(kind, id);
    if (!record) throw new StoreWriteError(noRecordMessage(kind, id, this.root), 'not-found');
    if (record.readOnly) throw new StoreWriteError(readOnlyMessage(toRelative(this.root, record.path)), 'read-only');
    await this.queue.run(record.path, async () => {
      await this.writer.remove(record.path, this.index.hashes.get(record.path) ?? '');
      this.index.forget(record.path);
      this.changed.fire();
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
    const loaded: Loaded<RecordTypes[K]> = { value, path: file, readOnly: false, private: isPrivate };
    this.index.remember(file, hash, kind, loaded);
    this.changed.fire();
    return loaded;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
