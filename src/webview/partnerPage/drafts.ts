// Drafts of the check-in form live in the webview state, which VS Code may restore stale: in the web
// workbench a window reload can bring back the state of a few seconds earlier, including the draft of a
// check-in that was saved since. Such a draft must not come back (it would invite a duplicate check-in).
// Pure: unit-tested in Node.
import type { CheckInFormInput, PageData } from '../protocol';

/**
 * The check-in this draft already became, if any: same summary, saved after the draft was started
 * (`startedAt` is host time: the generatedAt of the data shown when the first key was typed).
 */
export function savedAs(
  draft: CheckInFormInput,
  startedAt: string | undefined,
  checkIns: PageData['checkIns'],
): PageData['checkIns'][number] | undefined {
  const summary = draft.summary.trim();
  if (!summary || !startedAt) return undefined;
  return checkIns.find((checkIn) => checkIn.summary === summary && checkIn.date >= startedAt);
}
