// Core's user-visible text goes through @vscode/l10n (core never imports vscode). Text that ends up in
// files teammates share or scripts read (the Markdown report, CSV, iCalendar, the CLI's digest) stays
// English whatever the display language: the functions that make it are given `english` instead.

/** A message with a note for translators (@vscode/l10n's object form). */
export interface CommentedMessage {
  message: string;
  args?: (string | number)[];
  comment: string | string[];
}

/** What @vscode/l10n's namespace offers, so a function can be handed either it or `english`. */
export interface Translator {
  t(message: string, ...args: (string | number)[]): string;
  t(options: CommentedMessage): string;
}

const fill = (message: string, args: readonly (string | number)[]): string =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole));

/** English with the {0} placeholders filled, whatever the display language. */
export const english: Translator = {
  t: (message: string | CommentedMessage, ...args: (string | number)[]) =>
    typeof message === 'string' ? fill(message, args) : fill(message.message, message.args ?? []),
};
