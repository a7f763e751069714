import * as vscode from 'vscode';
import { addDays, startOfDay } from 'date-fns';
import { plural, toCalendarDate } from '../core/cadence';
import { duePartners } from '../core/partnerView';
import { remindersEnabled, reminderIntervalMinutes } from './settings';
import type { StoreService } from './storeService';

export const DONT_SHOW_AGAIN_KEY = 'alliances.reminders.dontShowAgain';
const STARTUP_DELAY_MS = 4000;

export const REMINDER_ACTIONS = ['Log Check-in', 'Snooze All 1 Day', 'Show', "Don't Show Again"] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

/** A department nobody has talked to for too long (see src/core/stats/coverage.ts). */
export interface SiloSummary {
  department: string;
  daysSinceContact: number;
}

type Notify = (message: string, ...actions: ReminderAction[]) => Thenable<ReminderAction | undefined>;

/**
 * One combined notification for everyone due, after start-up and then on an interval; never a second
 * one while the first is open, and never again after "Don't Show Again".
 */
export class Reminders implements vscode.Disposable {
  private interval: NodeJS.Timeout | undefined;
  private startup: NodeJS.Timeout | undefined;
  private showing = false;
  /** The last reminder text shown (for tests and the output of `remind`). */
  lastMessage: string | undefined;

  constructor(
    private readonly service: StoreService,
    private readonly state: vscode.Memento,
    private readonly notify: Notify = (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
    private readonly overdueFollowUps: () => number = () => 0,
    private readonly silos: () => SiloSummary[] = () => [],
  ) {}

  start(): void {
    this.startup = setTimeout(() => {
      void this.service.whenReady().then(() => this.remind());
    }, STARTUP_DELAY_MS);
    this.schedule();
  }

  /** Re-reads the interval setting. */
  schedule(): void {
    clearInterval(this.interval);
    this.interval = setInterval(() => void this.remind(), reminderIntervalMinutes() * 60_000);
  }

  /** Shows the reminder if it is wanted; resolves to its text, or undefined when nothing was shown. */
  remind(): string | undefined {
    if (this.showing || !remindersEnabled() || this.state.get<boolean>(DONT_SHOW_AGAIN_KEY)) return undefined;
    const message = this.message();
    if (!message) return undefined;
    this.showing = true;
    this.lastMessage = message;
    void Promise.resolve(this.notify(message, ...REMINDER_ACTIONS))
      .then((action) => this.handle(action))
      .finally(() => {
        this.showing = false;
      });
    return message;
  }

  /** One text for everything that needs the user: due partners, overdue follow-ups, silos. */
  message(): string | undefined {
    const due = duePartners(this.service.allViews().map((item) => item.view));
    const overdue = this.overdueFollowUps();
    const parts: string[] = [];
    if (due.length > 0) {
      const names = due.slice(0, 2).map((view) => `${view.record.value.name} (${view.due.label})`);
      const more = due.length > 2 ? ` and ${due.length - 2} more` : '';
      parts.push(`${plural(due.length, 'partner')} ${due.length === 1 ? 'is' : 'are'} due for a check-in: ${names.join(', ')}${more}.`);
    }
    if (overdue > 0) parts.push(`${plural(overdue, 'follow-up')} ${overdue === 1 ? 'is' : 'are'} overdue.`);
    const silos = this.silos();
    if (silos.length > 0) {
      const names = silos.slice(0, 2).map((silo) => `${silo.department} (${silo.daysSinceContact} days)`);
      const more = silos.length > 2 ? ` and ${silos.length - 2} more` : '';
      parts.push(`No contact with ${names.join(', ')}${more}: ${silos.length === 1 ? 'a silo' : 'silos'}.`);
    }
    return parts.length > 0 ? `Alliances: ${parts.join(' ')}` : undefined;
  }

  async handle(action: ReminderAction | undefined): Promise<void> {
    switch (action) {
      case 'Log Check-in':
        await vscode.commands.executeCommand('alliances.logCheckIn');
        return;
      case 'Snooze All 1 Day':
        await this.snoozeAllOneDay();
        return;
      case 'Show':
        await vscode.commands.executeCommand('alliances.partners.focus');
        return;
      case "Don't Show Again":
        await this.state.update(DONT_SHOW_AGAIN_KEY, true);
        return;
      default:
        return;
    }
  }

  private async snoozeAllOneDay(): Promise<void> {
    const tomorrow = toCalendarDate(addDays(startOfDay(new Date()), 1));
    const due = this.service.allViews().filter((item) => duePartners([item.view]).length > 0);
    const results = await Promise.allSettled(due.map((item) => item.entry.store.updatePartner(item.view.record.value.id, { snoozedUntil: tomorrow })));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length > 0) {
      const reason = failed[0]?.reason instanceof Error ? failed[0].reason.message : String(failed[0]?.reason);
      void vscode.window.showErrorMessage(`Alliances: ${failed.length} of ${due.length} partners could not be snoozed. ${reason}`);
    }
  }

  dispose(): void {
    clearTimeout(this.startup);
    clearInterval(this.interval);
  }
}
