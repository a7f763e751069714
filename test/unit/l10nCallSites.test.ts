// No user-visible text slips past localisation: string literals handed straight to the places VS Code
// shows (notifications, quick inputs, tree items, status bar, webview titles, dialogs) are refused, in
// the extension host. Text must go through vscode.l10n.t (or @vscode/l10n's l10n.t in pure files).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');

/** Calls whose every argument is shown to the user. */
const SHOWN_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);
/** Calls (or constructors) whose first arguments are shown: how many. */
const SHOWN_LEADING_ARGS = new Map([
  ['TreeItem', 1],
  ['createWebviewPanel', 2],
  ['pickPartner', 2],
  ['pickFolder', 2],
  ['appendText', 1],
]);
/** Properties that VS Code shows, in object literals and in assignments (`item.tooltip = …`). */
const SHOWN_PROPERTIES = new Set([
  'title',
  'placeHolder',
  'placeholder',
  'prompt',
  'label',
  'description',
  'detail',
  'tooltip',
  'saveLabel',
  'openLabel',
  'validationMessage',
  'message',
  'text',
  'name',
]);
/** Receivers of `.text =`, `.name =`, `.message =`: only these are UI (records have text and names too). */
const UI_RECEIVERS = /(^|\.)(item|badge|input|pick|panel)$/;

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Does this expression put an English literal on screen? Follows ?:, ??, || and parentheses. */
function literalText(node: ts.Expression): string | undefined {
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) return literalText(node.whenTrue) ?? literalText(node.whenFalse);
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind))
    return literalText(node.left) ?? literalText(node.right);
  let parts: string[] = [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) parts = [node.text];
  else if (ts.isTemplateExpression(node)) parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  // Words in the literal parts, once codicons ("$(check) ") are set aside, are English left untranslated.
  const words = parts.join(' ').replace(/\$\([a-z-]+\)/g, '');
  return /\p{L}{2,}/u.test(words) ? parts.join('…') : undefined;
}

/** In the pages (src/webview): element children of h()/s() (after the tag and attributes), and these. */
/** Page helpers and the arguments of theirs that are shown (the others are ids, elements, callbacks). */
const PAGE_CALLS = new Map([
  ['button', [0]],
  ['showStatus', [0]],
  ['empty', [0]],
  ['badge', [0]],
  ['section', [1, 2]],
  ['select', [1]],
  ['dateInput', [1]],
  ['field', [0, 3]],
  ['choiceField', [0]],
  ['fillOptions', [1]],
  ['srOnly', [0]],
]);
const PAGE_ATTRIBUTES = new Set(['aria-label', 'ariaLabel', 'placeholder', 'title', 'label']);

export function findUnwrapped(file: string, source: string, page = false): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const report = (node: ts.Expression) => {
    const text = literalText(node);
    if (text !== undefined)
      found.push({ file: path.relative(root, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const calleeName = (expr: ts.Expression) =>
    ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isIdentifier(expr) ? expr.text : undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const args = node.arguments ?? ts.factory.createNodeArray();
      // setStatusBarMessage's second argument is a timeout, never text: literalText ignores numbers.
      if (name && SHOWN_CALLS.has(name)) args.forEach(report);
      const leading = name && !page ? SHOWN_LEADING_ARGS.get(name) : undefined;
      if (leading) args.slice(0, leading).forEach(report);
      const shown = name && page ? PAGE_CALLS.get(name) : undefined;
      for (const index of shown ?? []) if (args[index]) report(args[index]);
      if (page && (name === 'h' || name === 's')) args.slice(2).forEach(report);
    }
    const shownProperty = (key: string) =>
      page ? PAGE_ATTRIBUTES.has(key) : SHOWN_PROPERTIES.has(key) && !['message', 'text', 'name'].includes(key);
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && shownProperty(node.name.text))
      report(node.initializer);
    if (
      page &&
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ['textContent', 'title'].includes(node.left.name.text)
    )
      report(node.right);
    if (page && ts.isCallExpression(node) && calleeName(node.expression) === 'setAttribute') {
      const [attribute, value] = node.arguments;
      if (attribute && value && ts.isStringLiteral(attribute) && PAGE_ATTRIBUTES.has(attribute.text)) report(value);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      const property = node.left.name.text;
      const generic = ['message', 'text', 'name'].includes(property);
      if (SHOWN_PROPERTIES.has(property) && (!generic || UI_RECEIVERS.test(node.left.expression.getText(sf)))) report(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * In src/core: literals thrown in an error, or given as a problem's reason or a `message`, are English
 * left untranslated (l10n.t's own `{ message }` argument aside). Core cannot import vscode: @vscode/l10n.
 */
export function findUnwrappedInCore(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const report = (node: ts.Expression) => {
    const text = literalText(node);
    if (text !== undefined)
      found.push({ file: path.relative(root, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const isTranslation = (node: ts.Node): boolean =>
    ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't';
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(sf))) (node.arguments ?? []).slice(0, 1).forEach(report);
    if (ts.isThrowStatement(node)) report(node.expression);
    // recordReader's fail(code, reason, location).
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fail' && node.arguments[1])
      report(node.arguments[1]);
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      ['reason', 'message'].includes(node.name.text) &&
      !isTranslation(node.parent.parent)
    )
      report(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('user-visible strings are localisable', () => {
  it('src/extension hands no bare English literal to a notification, quick input, tree item, status bar or panel', () => {
    const findings = sources(path.join(root, 'src', 'extension')).flatMap((file) => findUnwrapped(file, readFileSync(file, 'utf8')));
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line}: ${f.text}`),
      [],
    );
  });

  it('the pages (src/webview) show no bare English literal: element text, buttons, labels, placeholders, status lines', () => {
    const findings = sources(path.join(root, 'src', 'webview')).flatMap((file) => findUnwrapped(file, readFileSync(file, 'utf8'), true));
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line}: ${f.text}`),
      [],
    );
  });

  it('src/core throws no bare English error and gives no bare English reason (store, reader, imports)', () => {
    const findings = sources(path.join(root, 'src', 'core')).flatMap((file) => findUnwrappedInCore(file, readFileSync(file, 'utf8')));
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line}: ${f.text}`),
      [],
    );
  });

  it('the core check catches each kind of slip', () => {
    const slips = [
      "throw new StoreWriteError(`${relative} is broken; not written.`, 'io');",
      "return { ok: false, problem: { code: 'json', reason: 'File is empty.', location } };",
      "throw new Error('No such partner');",
      "return fail('json', `File ${reason}.`, location);",
    ];
    for (const slip of slips) assert.equal(findUnwrappedInCore('slip.ts', slip).length, 1, slip);
    const fine = [
      "throw new StoreWriteError(l10n.t('{0} is broken; not written.', relative), 'io');",
      "l10n.t({ message: 'Ad hoc', comment: ['A kind of check-in.'] });",
      'throw new Error(String(error));',
      "const record = { message: 'x' };",
    ];
    for (const ok of fine) assert.deepEqual(findUnwrappedInCore('fine.ts', ok), [], ok);
  });

  it('the page check catches each kind of slip', () => {
    const slips = [
      "h('p', { class: 'empty' }, 'No check-ins yet.');",
      "h('h2', { id: 'x' }, `Follow-ups (${n} open)`);",
      "button('Add', 'tp-add', () => add());",
      "h('input', { placeholder: 'Search areas or people' });",
      "element.setAttribute('aria-label', `Remove row ${n}`);",
      'heading.textContent = `Talking points (${n} open)`;',
      "showStatus('Saving…');",
    ];
    for (const slip of slips) assert.equal(findUnwrapped('slip.ts', slip, true).length, 1, slip);
    const fine = [
      "h('p', { class: 'empty' }, l10n.t('No check-ins yet.'));",
      "h('span', {}, ' — ', name, '.');",
      "h('li', { 'data-id': id }, text);",
    ];
    for (const ok of fine) assert.deepEqual(findUnwrapped('fine.ts', ok, true), [], ok);
  });

  it('the check catches each kind of slip (so a pass means something)', () => {
    const slips = [
      "vscode.window.showInformationMessage('Saved.');",
      'vscode.window.showWarningMessage(`${name} is gone`);',
      'vscode.window.setStatusBarMessage(`$(check) Alliances: added ${name}`, 4000);',
      "await vscode.window.showQuickPick(items, { title: 'Pick one', placeHolder: vscode.l10n.t('x') });",
      "item.tooltip = ok ? vscode.l10n.t('Fine') : 'Broken';",
      "const item = new vscode.TreeItem('Needs attention', state);",
      'input.prompt = `What now?`;',
      'this.item.text = `$(organization) ${due} due`;',
      "await pickPartner(service, 'Go to Partner');",
      'tooltip.appendText(`Added by ${name}`);',
      "const items = [{ label: 'Me', description: vscode.l10n.t('I will do it') }];",
    ];
    for (const slip of slips) assert.equal(findUnwrapped('slip.ts', slip).length, 1, slip);
    const fine = [
      "vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', name), open);",
      "vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Alliances: added {0}', name)}`, 4000);",
      'this.item.text = `$(organization) ${due}`;',
      "item.description = [partner, owner].join(' · ');",
      "item.tooltip = value.role ?? '—';",
      "const record = { text: 'a note' };",
      "partner.name = 'Dana';",
    ];
    for (const ok of fine) assert.deepEqual(findUnwrapped('fine.ts', ok), [], ok);
  });
});
