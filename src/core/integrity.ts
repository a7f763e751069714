// Records that parse and validate but must not count, because of what they say about the rest of the
// store or the clock: a record whose partner is not in the store (a dangling reference: a teammate's
// branch added it while another deleted the partner), a stance, check-in or vote whose initiative or
// concern is not (the same, one level up: parentRefs.ts), and a check-in dated more than a day ahead
// of now (9999 would make its partner never due). Such a record is held out of the indexes (cadence, stats, agenda) and reported as a problem of its file, so it shows in
// the Problems panel and under "Needs attention", and the writer's broken-file rule never writes it.
//
// The store tells this module what it files and takes out (put/unput/forget); settle() then looks only
// at what changed since the last time: each record filed, each partner id that came or went. A load
// of 66,000 files is one pass of Map look-ups, and a reload of one partner file looks at that
// partner's records alone.
import * as l10n from '@vscode/l10n';
import { Emitter } from './events';
import { decodeUtf8, locatePath, type TextLocation } from './jsonText';
import { type CollectionKind } from './vocabulary';
import { PARTNER_RECORD_KINDS, partnerIdsOf } from './partnerRefs';
import { CHILD_KINDS, PARENT_KINDS, isParentKind, parentIdOf, parentKindOf, type ParentKind } from './parentRefs';
import { addTo, fieldOf, reasonOf, symmetricDifference, type AnyLoaded, type Held, type HoldReason } from './integrityReasons';
import type { CheckIn, Partner, RecordTypes } from './model';
import type { RecordProblem } from './recordReader';
import type { Loaded, StoreProblem } from './storeTypes';

export type { HoldReason } from './integrityReasons';

const REFERS_TO_PARTNER: ReadonlySet<CollectionKind> = new Set([...PARTNER_RECORD_KINDS, ...PARENT_KINDS.flatMap((p) => CHILD_KINDS[p])]);
const MISSING: Readonly<Record<ParentKind, HoldReason>> = { initiative: 'missing-initiative', concern: 'missing-concern' };

function byParent<T>(make: () => T): Map<ParentKind, T> {
  return new Map(PARENT_KINDS.map((parent) => [parent, make()]));
}

/** How far ahead of now a check-in may be dated (time zones, a clock a little off) and still count. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** What the store lends this module: its own maps stay private to it. */
export interface IntegrityPort {
  now(): Date;
  checkIns(): Loaded<CheckIn>[];
  /** Loaded partners by id. */
  partners(): ReadonlyMap<string, Loaded<Partner>>;
  /** Loaded initiatives or concerns by id. */
  parents(kind: ParentKind): ReadonlyMap<string, AnyLoaded>;
  /** Every problem of the store (to know which partner ids have a file that is reported). */
  problems(): Iterable<StoreProblem>;
  /** The record of this kind and id that is loaded now, if any. */
  loaded(kind: CollectionKind, id: string): AnyLoaded | undefined;
  ofPartner(kind: CollectionKind, partnerId: string): AnyLoaded[];
  ofParent(kind: CollectionKind, parentId: string): AnyLoaded[];
  /** Takes a record out of the indexes, or files it again. */
  unput(kind: CollectionKind, loaded: AnyLoaded): void;
  put(kind: CollectionKind, loaded: AnyLoaded): void;
  /** Reports, or stops reporting, a problem of a file. */
  report(file: string, kind: CollectionKind, problem: RecordProblem, id: string): void;
  clear(file: string): void;
  readFile(file: string): Promise<Uint8Array>;
}

export class Integrity {
  /** Held records by file. */
  private readonly held = new Map<string, Held>();
  /** Missing partner id → files of the records that wait for it. */
  private readonly waiting = new Map<string, Set<string>>();
  /** Missing initiative (or concern) id → files of the records that wait for it. */
  private readonly waitingParent = byParent(() => new Map<string, Set<string>>());
  /** Files of the check-ins held for their date. */
  private readonly future = new Set<string>();
  /** The time of the last date check, to notice a clock set back. */
  private checkedAt: number | undefined;
  /** Check-ins dated before this (yyyy-mm-dd) are not ahead, whatever their offset: no Date.parse. */
  private safeBefore = '';
  private latest = 0;
  /** Records filed since the last settle(), to be checked. */
  private readonly dirtyRecords = new Map<AnyLoaded, CollectionKind>();
  /** Partner ids that came or went since the last settle(). */
  private readonly dirtyPartners = new Set<string>();
  private readonly dirtyParents = byParent(() => new Set<string>());
  /** Ids of partners whose file is there but reported (a conflict, a newer version…): not dangling. */
  private reportedPartners = new Set<string>();
  private reportedParents = byParent(() => new Set<string>());
  /** Held files whose problem still points at line 1 (locate() reads them to say where). */
  private readonly unlocated = new Set<string>();
  private locating: Promise<boolean> | undefined;
  private settling = false;

  constructor(private readonly port: IntegrityPort) {}

  // ---- hooks: the store calls these as it files and drops records -------------------------------

  put(kind: CollectionKind, loaded: AnyLoaded): void {
    if (kind === 'partner') this.dirtyPartners.add(loaded.value.id);
    else if (isParentKind(kind)) this.dirtyParents.get(kind)?.add(loaded.value.id);
    // A concern is a parent and names partners too.
    if (REFERS_TO_PARTNER.has(kind)) this.dirtyRecords.set(loaded, kind);
  }

  unput(kind: CollectionKind, loaded: AnyLoaded): void {
    if (kind === 'partner') this.dirtyPartners.add(loaded.value.id);
    else if (isParentKind(kind)) this.dirtyParents.get(kind)?.add(loaded.value.id);
    this.dirtyRecords.delete(loaded);
  }

  /** The file is gone or about to be read again: it is no longer held (its problem goes with it). */
  forget(file: string): void {
    const held = this.held.get(file);
    if (!held) return;
    this.held.delete(file);
    this.unlocated.delete(file);
    this.future.delete(file);
    if (held.partnerId) this.stopWaiting(this.waiting, held.partnerId, file);
    const parent = parentKindOf(held.kind);
    if (held.parentId && parent) this.stopWaiting(this.waitingParent.get(parent), held.parentId, file);
  }

  /** The reason a new or changed record would be held at once (it is refused instead), or undefined. */
  refusal(kind: CollectionKind, value: RecordTypes[CollectionKind]): { message: string; code: 'not-found' | 'invalid' } | undefined {
    const partnerId = this.missingPartner(kind, value);
    if (partnerId !== undefined)
      return { message: l10n.t('No partner with id {0} in the store; nothing was saved.', partnerId), code: 'not-found' };
    const parentId = this.missingParent(kind, value);
    if (parentId !== undefined)
      return {
        message:
          parentKindOf(kind) === 'concern'
            ? l10n.t('No concern with id {0} in the store; nothing was saved.', parentId)
            : l10n.t('No initiative with id {0} in the store; nothing was saved.', parentId),
        code: 'not-found',
      };
    if (kind === 'checkIn') {
      this.setClock();
      const date = (value as CheckIn).date;
      if (this.isAhead(date))
        return {
          message: l10n.t('Dated {0}, more than a day ahead of now; the check-in was not saved.', date.slice(0, 10)),
          code: 'invalid',
        };
    }
    return undefined;
  }

  /**
   * Checks the dates again as time passes: held check-ins that are now within a day are filed, and
   * when the clock went back, every check-in is checked. Returns whether any record moved.
   */
  recheckDates(): boolean {
    const previous = this.checkedAt;
    this.setClock();
    for (const file of [...this.future]) {
      const held = this.held.get(file);
      if (held && !this.isAhead((held.loaded.value as CheckIn).date)) this.release(file);
    }
    if (previous !== undefined && this.latest < previous)
      for (const loaded of this.port.checkIns()) this.dirtyRecords.set(loaded, 'checkIn');
    const released = this.dirtyRecords.size > 0;
    return this.settle() || released;
  }

  get heldCount(): number {
    return this.held.size;
  }

  // ---- settling -------------------------------------------------------------------------------

  /** Holds or releases what the changes since the last call call for. Returns whether any record moved. */
  settle(): boolean {
    if (this.settling) return false;
    this.settling = true;
    let moved = false;
    try {
      if (this.dirtyRecords.size > 0) this.setClock();
      this.noteReportedPartners();
      while (this.dirtyPartners.size > 0 || [...this.dirtyParents.values()].some((d) => d.size > 0) || this.dirtyRecords.size > 0) {
        for (const id of [...this.dirtyPartners]) {
          this.dirtyPartners.delete(id);
          if (this.settlePartner(id)) moved = true;
        }
        for (const [parent, dirty] of this.dirtyParents) {
          for (const id of [...dirty]) {
            dirty.delete(id);
            if (this.settleParent(parent, id)) moved = true;
          }
        }
        for (const [loaded, kind] of [...this.dirtyRecords]) {
          this.dirtyRecords.delete(loaded);
          if (this.check(kind, loaded)) moved = true;
        }
      }
    } finally {
      this.settling = false;
    }
    return moved;
  }

  /** settle(), then locate(): for a load, so that what it reports already says where. */
  async settleAndLocate(): Promise<void> {
    this.settle();
    await this.locate();
  }

  get needsLocating(): boolean {
    return this.unlocated.size > 0;
  }

  /**
   * Reads the held files whose problem points at line 1, to point at their "partnerId". Returns
   * whether any problem moved. Rare (held records only), so a read per file is fine.
   */
  locate(): Promise<boolean> {
    this.locating ??= this.locateAll().finally(() => {
      this.locating = undefined;
    });
    return this.locating;
  }

  private async locateAll(): Promise<boolean> {
    let moved = false;
    while (this.unlocated.size > 0) {
      const files = [...this.unlocated];
      this.unlocated.clear();
      for (const file of files) {
        const before = this.held.get(file);
        if (!before) continue;
        const bytes = await this.port.readFile(file).catch(() => undefined);
        const decoded = bytes ? decodeUtf8(bytes) : undefined;
        const held = this.held.get(file);
        // Released or read again meanwhile: that one is located (or not held) on its own.
        if (!decoded?.ok || held !== before) continue;
        this.report(file, held, locatePath(decoded.text, [fieldOf(held)]));
        moved = true;
      }
    }
    return moved;
  }

  /** The first partner a record names that is not in the store, or undefined. */
  private missingPartner(kind: CollectionKind, value: RecordTypes[CollectionKind]): string | undefined {
    for (const partnerId of partnerIdsOf(kind, value)) if (!this.present(partnerId)) return partnerId;
    return undefined;
  }

  /** The initiative (or concern) a record names when it is not in the store, or undefined. */
  private missingParent(kind: CollectionKind, value: RecordTypes[CollectionKind]): string | undefined {
    const parent = parentKindOf(kind);
    const parentId = parentIdOf(kind, value);
    return parent === undefined || parentId === undefined || this.parentPresent(parent, parentId) ? undefined : parentId;
  }

  /** A partner file that is there but reported counts as there: its records are not dangling. */
  private present(partnerId: string): boolean {
    return this.port.partners().has(partnerId) || this.reportedPartners.has(partnerId);
  }

  private parentPresent(parent: ParentKind, parentId: string): boolean {
    return this.port.parents(parent).has(parentId) || (this.reportedParents.get(parent)?.has(parentId) ?? false);
  }

  private noteReportedPartners(): void {
    const partners = new Set<string>();
    const parents = byParent(() => new Set<string>());
    for (const problem of this.port.problems()) {
      if (problem.kind === 'partner' && problem.id) partners.add(problem.id);
      if (problem.kind !== 'manifest' && isParentKind(problem.kind) && problem.id) parents.get(problem.kind)?.add(problem.id);
    }
    for (const id of symmetricDifference(partners, this.reportedPartners)) this.dirtyPartners.add(id);
    for (const parent of PARENT_KINDS) {
      const now = parents.get(parent) ?? new Set<string>();
      for (const id of symmetricDifference(now, this.reportedParents.get(parent) ?? new Set())) this.dirtyParents.get(parent)?.add(id);
    }
    this.reportedPartners = partners;
    this.reportedParents = parents;
  }

  /** An initiative or a concern came or went: release what waited for it, or hold what names it. */
  private settleParent(parent: ParentKind, parentId: string): boolean {
    let moved = false;
    if (this.parentPresent(parent, parentId)) {
      for (const file of [...(this.waitingParent.get(parent)?.get(parentId) ?? [])]) if (this.release(file)) moved = true;
      return moved;
    }
    for (const kind of CHILD_KINDS[parent]) {
      for (const loaded of this.port.ofParent(kind, parentId)) {
        this.hold(kind, loaded, MISSING[parent], undefined, parentId);
        moved = true;
      }
    }
    return moved;
  }

  private settlePartner(partnerId: string): boolean {
    if (this.present(partnerId)) {
      const files = this.waiting.get(partnerId);
      if (!files) return false;
      let moved = false;
      for (const file of [...files]) if (this.release(file)) moved = true;
      return moved;
    }
    let moved = false;
    for (const kind of PARTNER_RECORD_KINDS) {
      for (const loaded of this.port.ofPartner(kind, partnerId)) {
        this.hold(kind, loaded, 'missing-partner', partnerId);
        moved = true;
      }
    }
    return moved;
  }

  /** A record just filed: held when its partner is missing, or when it is a check-in dated ahead. */
  private check(kind: CollectionKind, loaded: AnyLoaded): boolean {
    if (this.port.loaded(kind, loaded.value.id) !== loaded) return false;
    const partnerId = this.missingPartner(kind, loaded.value);
    if (partnerId !== undefined) {
      this.hold(kind, loaded, 'missing-partner', partnerId);
      return true;
    }
    const parentId = this.missingParent(kind, loaded.value);
    const parent = parentKindOf(kind);
    if (parentId !== undefined && parent) {
      this.hold(kind, loaded, MISSING[parent], undefined, parentId);
      return true;
    }
    if (kind === 'checkIn' && this.isAhead((loaded.value as CheckIn).date)) {
      this.hold(kind, loaded, 'future-date');
      return true;
    }
    return false;
  }

  private setClock(): void {
    const now = this.port.now().getTime();
    this.checkedAt = now;
    this.latest = now + FUTURE_SLACK_MS;
    // A day string two days back: a timestamp written on an earlier day is at most 14 hours later in UTC.
    this.safeBefore = new Date(now - 2 * FUTURE_SLACK_MS).toISOString().slice(0, 10);
  }

  /** More than a day ahead of the clock as of the last setClock(). */
  private isAhead(date: string): boolean {
    // Most check-ins are in the past: a string comparison, no parsing (this runs for every check-in of a load).
    if (date < this.safeBefore) return false;
    return Date.parse(date) > this.latest;
  }

  private hold(kind: CollectionKind, loaded: AnyLoaded, reason: HoldReason, partnerId?: string, parentId?: string): void {
    this.port.unput(kind, loaded);
    const held: Held = { kind, loaded, reason, partnerId, parentId };
    this.held.set(loaded.path, held);
    if (reason === 'future-date') this.future.add(loaded.path);
    if (partnerId) addTo(this.waiting, partnerId, loaded.path);
    const parent = parentKindOf(kind);
    if (parentId && parent) addTo(this.waitingParent.get(parent) as Map<string, Set<string>>, parentId, loaded.path);
    this.report(loaded.path, held, { line: 1, column: 1 });
    this.unlocated.add(loaded.path);
  }

  /** Files a held record again (it is checked once more, as any record filed). */
  private release(file: string): boolean {
    const held = this.held.get(file);
    if (!held) return false;
    // Another file took its id meanwhile: filing this one would hide that one. It stays held.
    const other = this.port.loaded(held.kind, held.loaded.value.id);
    if (other && other.path !== file) return false;
    this.forget(file);
    this.port.clear(file);
    this.port.put(held.kind, held.loaded);
    return true;
  }

  private stopWaiting(waiting: Map<string, Set<string>> | undefined, id: string, file: string): void {
    const files = waiting?.get(id);
    files?.delete(file);
    if (files?.size === 0) waiting?.delete(id);
  }

  private report(file: string, held: Held, location: TextLocation): void {
    this.port.report(file, held.kind, { code: held.reason, reason: reasonOf(held), location }, held.loaded.value.id);
  }
}

/**
 * The store's change event, settled first: every change the store announces (a load, a reload, a
 * write) has its records held or released before anyone looks. Held files whose place is not known
 * yet are read afterwards, and the change is announced again once they point at the right line.
 */
export class SettlingEmitter extends Emitter<void> {
  constructor(private readonly integrity: () => Integrity) {
    super();
  }

  override fire(): void {
    const integrity = this.integrity();
    integrity.settle();
    super.fire();
    if (integrity.needsLocating) {
      void integrity.locate().then((moved) => {
        if (moved) super.fire();
      });
    }
  }
}
