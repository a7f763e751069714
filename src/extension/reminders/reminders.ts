import * as vscode from 'vscode';
import { addDays, startOfDay } from 'date-fns';
import { toCalendarDate } from '../../core/cadence';
import { duePartners } from '../../core/partnerView';
import { remindersEnabled, reminderIntervalMinutes } from '../shared/settings';
import type { StoreService } from '../store/storeService';
import { COMMANDS, FOCUS_PARTNERS_COMMAND, STATE_KEYS } from '../ids';
import { visible } from '../shared/displayText';

export const DONT_SHOW_AGAIN_KEY = STATE_KEYS.remindersDontShowAgain;
const STARTUP_DELAY_MS = 4000;

/** The reminder's buttons, by id; their text follows the display language (actionLabel). */
export const REMINDER_ACTIONS = ['Log Check-in', 'Snooze All 1 Day', 'Show', "Don't Show Again"] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

export function actionLabel(action: ReminderAction): string {
  switch (action) {
    case 'Log Check-in':
      return vscode.l10n.t('Log Check-in');
    case 'Snooze All 1 Day':
      return vscode.l10n.t('Snooze All 1 Day');
    case 'Show':
      return vscode.l10n.t({ message: 'Show', comment: ['A button of the reminder: shows the partners view.'] });
    case "Don't Show Again":
      return vscode.l10n.t("Don't Show Again");
  }
}

/** The notification with translated buttons, answered with the action's id. */
async function showReminder(message: string, ...actions: ReminderAction[]): Promise<ReminderAction | undefined> {
  const labels = actions.map(actionLabel);
  const chosen = await vscode.window.showInformationMessage(message, ...labels);
  return chosen === undefined ? undefined : actions[labels.indexOf(chosen)];
}

/** A department nobody has talked to for too long (see src/core/stats/coverage.ts). */
export interface SiloSummary {
  department: string;
  daysSinceContact: number;
}

type Notify = (message: string, ...actions: ReminderAction[]) => Thenable<ReminderAction | undefined>;

/** What another feature adds to the one notification (the calendar: "You met Dana yesterday — log it?"). */
export interface ReminderExtras {
  /** Its sentence, said first. */
  message(): string | undefined;
  /** "Log Check-in" when its sentence was shown: true when it logged (then the quick flow does not open). */
  log(): Promise<boolean>;
  /** Waited for before the first reminder (the calendar file is being read). */
  ready(): Promise<unknown>;
}

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
  extras: ReminderExtras | undefined;

  constructor(
    private readonly service: StoreService,
    private readonly state: vscode.Memento,
    private readonly notify: Notify = showReminder,
    private readonly overdueFollowUps: () => number = () => 0,
    private readonly silos: () => SiloSummary[] = () => [],
  ) {}

  start(): void {
    this.startup = setTimeout(() => {
      void this.service
        .whenReady()
        .then(() => this.extras?.ready())
        .then(() => this.remind());
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
    const extra = this.extras?.message();
    if (extra) parts.push(extra);
    if (due.length > 0) {
      const names = listWithMore(due.map((view) => `${view.record.value.name} (${view.due.label})`));
      parts.push(
        due.length === 1
          ? vscode.l10n.t('1 partner is due for a check-in: {0}.', names)
          : vscode.l10n.t('{0} partners are due for a check-in: {1}.', due.length, names),
      );
    }
    if (overdue > 0)
      parts.push(overdue === 1 ? vscode.l10n.t('1 follow-up is overdue.') : vscode.l10n.t('{0} follow-ups are overdue.', overdue));
    const silos = this.silos();
    if (silos.length > 0) {
      const names = listWithMore(silos.map((silo) => vscode.l10n.t('{0} ({1} days)', silo.department, silo.daysSinceContact)));
      parts.push(
        silos.length === 1 ? vscode.l10n.t('No contact with {0}: a silo.', names) : vscode.l10n.t('No contact with {0}: silos.', names),
      );
    }
    return parts.length > 0 ? visible(vscode.l10n.t('Alliances: {0}', parts.join(' '))) : undefined;
  }

  async handle(action: ReminderAction | undefined): Promise<void> {
    switch (action) {
      case 'Log Check-in':
        if (await this.extras?.log()) return;
        await vscode.commands.executeCommand(COMMANDS.logCheckIn);
        return;
      case 'Snooze All 1 Day':
        await this.snoozeAllOneDay();
        return;
      case 'Show':
        await vscode.commands.executeCommand(FOCUS_PARTNERS_COMMAND);
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
    const results = await Promise.allSettled(
      due.map((item) => item.entry.store.updatePartner(item.view.record.value.id, { snoozedUntil: tomorrow })),
    );
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length > 0) {
      const reason = failed[0]?.reason instanceof Error ? failed[0].reason.message : String(failed[0]?.reason);
      void vscode.window.showErrorMessage(
        visible(vscode.l10n.t('Alliances: {0} of {1} partners could not be snoozed. {2}', failed.length, due.length, reason)),
      );
    }
  }

  dispose(): void {
    clearTimeout(this.startup);
    clearInterval(this.interval);
  }
}

/** The first two, then "and 3 more". */
function listWithMore(items: string[]): string {
  const shown = items.slice(0, 2).join(', ');
  return items.length > 2 ? vscode.l10n.t('{0} and {1} more', shown, items.length - 2) : shown;
}
