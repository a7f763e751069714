// One rule for every webview page's host: a message its protocol refuses is logged, answered when it
// carries a request id (so the page's button stops waiting), and never acted on.
import * as v from 'valibot';
import { RequestIdOnlySchema } from '../../webview/protocol';

export async function rejectMalformed(
  raw: unknown,
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
  page: string,
  log: { warn(message: string): void },
  answer: (requestId: string) => Promise<void>,
): Promise<{ kind: 'rejected'; reason: string }> {
  const reason = `rejected a malformed ${page} message: ${v.summarize(issues).slice(0, 300)}`;
  log.warn(reason);
  const withId = v.safeParse(RequestIdOnlySchema, raw);
  if (withId.success) await answer(withId.output.requestId);
  return { kind: 'rejected', reason };
}
