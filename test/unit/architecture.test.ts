// docs/architecture.md says which feature folder registers each command: from package.json to the code
// in one hop. This keeps that table true.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../../src/extension/ids';

const ROOT = path.resolve(__dirname, '../../..');
const EXTENSION = path.join(ROOT, 'src', 'extension');

/** Command id → the feature folder whose register.ts registers it, read from the code. */
function registeredIn(): Map<string, string> {
  const result = new Map<string, string>();
  for (const entry of readdirSync(EXTENSION, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    let text: string;
    try {
      text = readFileSync(path.join(EXTENSION, entry.name, 'register.ts'), 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(/\[COMMANDS\.(\w+)\]:|registerCommand\(\s*COMMANDS\.(\w+)/g)) {
      const key = (match[1] ?? match[2]) as keyof typeof COMMANDS;
      assert.ok(COMMANDS[key], `${entry.name}/register.ts names COMMANDS.${key}, which is not in the table`);
      assert.equal(result.get(COMMANDS[key]), undefined, `${COMMANDS[key]} is registered in two folders`);
      result.set(COMMANDS[key], entry.name);
    }
  }
  return result;
}

/** The same, from the table between the commands markers of docs/architecture.md. */
function documented(): Map<string, string> {
  const doc = readFileSync(path.join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const table = doc.slice(doc.indexOf('<!-- commands:start'), doc.indexOf('<!-- commands:end'));
  return new Map([...table.matchAll(/^\| `(alliances\.\w+)` \| `src\/extension\/(\w+)\/` \|$/gm)].map((m) => [m[1], m[2]]));
}

describe('docs/architecture.md', () => {
  it('names the feature folder of every command, as the code registers it', () => {
    const code = registeredIn();
    assert.deepEqual([...code.keys()].sort(), Object.values(COMMANDS).sort(), 'every command is registered in a feature folder');
    assert.deepEqual(Object.fromEntries([...documented()].sort()), Object.fromEntries([...code].sort()));
  });
});
