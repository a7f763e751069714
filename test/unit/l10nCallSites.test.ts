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
const SHOWN_LEADING_ARGS = new Map([['TreeItem', 1], ['createWebviewPanel', 2], ['pickPartner', 2], ['pickFolder', 2], ['appendText', 1]]);
/** Properties that VS Code shows, in object literals and in assignments (`item.tooltip = …`). */
const SHOWN_PROPERTIES = new Set(['title', 'placeHolder', 'placeholder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'saveLabel', 'openLabel', 'validationMessage', 'message', 'text', 'name']);
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
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(node.operatorToken.kind)) return literalText(node.left) ?? literalText(node.right);
  let parts: string[] = [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) parts = [node.text];
  else if (ts.isTemplateExpression(node)) parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  // Words in the literal parts, once codicons ("$(check) ") are set aside, are English left untranslated.
  const words = parts.join(' ').replace(/\$\([a-z-]+\)/g, '');
  return /\p{L}{2,}/u.test(words) ? parts.join('…') : undefined;
}

export function findUnwrapped(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const report = (node: ts.Expression) => {
    const text = literalText(node);
    if (text !== undefined) found.push({ file: path.relative(root, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const calleeName = (expr: ts.Expression) => (ts.isPropertyAccessExpression(expr) ? expr.name.text : ts.isIdentifier(expr) ? expr.text : undefined);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const args = node.arguments ?? ts.factory.createNodeArray();
      // setStatusBarMessage's second argument is a timeout, never text: literalText ignores numbers.
      if (name && SHOWN_CALLS.has(name)) args.forEach(report);
      const leading = name ? SHOWN_LEADING_ARGS.get(name) : undefined;
      if (leading) args.slice(0, leading).forEach(report);
    }
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && SHOWN_PROPERTIES.has(node.name.text) && !['message', 'text', 'name'].includes(node.name.text)) report(node.initializer);
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

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('user-visible strings are localisable', () => {
  it('src/extension hands no bare English literal to a notification, quick input, tree item, status bar or panel', () => {
    const findings = sources(path.join(root, 'src', 'extension')).flatMap((file) => findUnwrapped(file, readFileSync(file, 'utf8')));
    assert.deepEqual(findings.map((f) => `${f.file}:${f.line}: ${f.text}`), []);
  });

  it('the check catches each kind of slip (so a pass means something)', () => {
    const slips = [
      "vscode.window.showInformationMessage('Saved.');",
      "vscode.window.showWarningMessage(`${name} is gone`);",
      "vscode.window.setStatusBarMessage(`$(check) Alliances: added ${name}`, 4000);",
      "await vscode.window.showQuickPick(items, { title: 'Pick one', placeHolder: vscode.l10n.t('x') });",
      "item.tooltip = ok ? vscode.l10n.t('Fine') : 'Broken';",
      "const item = new vscode.TreeItem('Needs attention', state);",
      "input.prompt = `What now?`;",
      "this.item.text = `$(organization) ${due} due`;",
      "await pickPartner(service, 'Go to Partner');",
      "tooltip.appendText(`Added by ${name}`);",
      "const items = [{ label: 'Me', description: vscode.l10n.t('I will do it') }];",
    ];
    for (const slip of slips) assert.equal(findUnwrapped('slip.ts', slip).length, 1, slip);
    const fine = [
      "vscode.window.showInformationMessage(vscode.l10n.t('Saved {0}.', name), open);",
      "vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Alliances: added {0}', name)}`, 4000);",
      "this.item.text = `$(organization) ${due}`;",
      "item.description = [partner, owner].join(' · ');",
      "item.tooltip = value.role ?? '—';",
      "const record = { text: 'a note' };",
      "partner.name = 'Dana';",
    ];
    for (const ok of fine) assert.deepEqual(findUnwrapped('fine.ts', ok), [], ok);
  });
});
