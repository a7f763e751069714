// Core's user-visible text goes through @vscode/l10n (core never imports vscode). Text that ends up in
// files teammates share or scripts read (the Markdown report, CSV, iCalendar, the CLI's digest) stays
// English whatever the display language: the functions that make it are given `english` instead.

/** What @vscode/l10n's namespace offers, so a function can be handed either it or `english`. */
export interface Translator {
  t(message: string, ...args: (string | number)[]): string;
}

/** English with the {0} placeholders filled, whatever the display language. */
export const english: Translator = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole)) };
