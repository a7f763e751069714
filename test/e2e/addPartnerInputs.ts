// The seven steps of Add Partner's multi-step input, answered the same way by every UI test that adds one.
import type { Workbench } from './workbench';

/** Waits for step `n` of `total` of the open multi-step input. */
export async function onInputStep(wb: Workbench, n: number, total: number): Promise<void> {
  await wb.page
    .locator('.quick-input-widget')
    .filter({ hasText: `${n}/${total}` })
    .waitFor({ state: 'visible' });
}

/**
 * With Add Partner's first step showing: Rosa Diaz, Head of Partnerships, Partnerships, organisation
 * Globex, no email, tags "exec launch-q1", monthly.
 */
export async function answerAddPartnerWithRosa(wb: Workbench): Promise<void> {
  await onInputStep(wb, 1, 7);
  await wb.quickInputType('Rosa Diaz');
  await wb.quickInputAccept();
  await onInputStep(wb, 2, 7);
  await wb.quickInputType('Head of Partnerships');
  await wb.quickInputAccept();
  await onInputStep(wb, 3, 7);
  await wb.quickInputType('Partnerships');
  await wb.quickPick('Partnerships');
  await onInputStep(wb, 4, 7);
  await wb.quickInputType('Globex');
  await wb.quickPick('Globex');
  await onInputStep(wb, 5, 7);
  await wb.quickInputAccept(); // email is optional
  await onInputStep(wb, 6, 7);
  await wb.quickInputType('exec launch-q1');
  await wb.quickInputAccept();
  await onInputStep(wb, 7, 7);
  await wb.quickPick('Every month');
}
