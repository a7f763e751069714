// One table of ids (src/extension/ids.ts): package.json says the same ids to VS Code, and no other
// source file spells one out.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, CONTEXT_KEYS, SETTINGS, SETTINGS_SECTION, VIEWS } from '../../src/extension/ids';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, unknown> }[];
    menus: Record<string, { when?: string }[]>;
    viewsWelcome: { when?: string }[];
    keybindings: { when?: string }[];
  };
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('the table of ids', () => {
  it('has exactly the commands package.json contributes', () => {
    assert.deepEqual(Object.values(COMMANDS).sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('has exactly the views and the view container of package.json', () => {
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((view) => view.id);
    assert.deepEqual([VIEWS.partners, VIEWS.followUps, VIEWS.initiatives, VIEWS.concerns].sort(), views.sort());
    assert.ok(manifest.contributes.viewsContainers.activitybar?.some((container) => container.id === VIEWS.container));
  });

  it('has exactly the settings package.json declares', () => {
    const declared = manifest.contributes.configuration.flatMap((section) => Object.keys(section.properties));
    assert.deepEqual(
      Object.values(SETTINGS)
        .map((key) => `${SETTINGS_SECTION}.${key}`)
        .sort(),
      declared.sort(),
    );
  });

  it('has every context key the when clauses of package.json use', () => {
    const clauses = [
      ...Object.values(manifest.contributes.menus).flat(),
      ...manifest.contributes.viewsWelcome,
      ...manifest.contributes.keybindings,
    ].map((item) => item.when ?? '');
    const used = new Set(clauses.flatMap((when) => when.match(/alliances:[A-Za-z]+/g) ?? []));
    const known = new Set<string>(Object.values(CONTEXT_KEYS));
    assert.deepEqual(
      [...used].filter((key) => !known.has(key)),
      [],
    );
  });

  it('is the only place in src/extension that spells out a command, view, setting or context key', () => {
    const ids = new Set<string>([...Object.values(COMMANDS), ...Object.values(CONTEXT_KEYS), VIEWS.partners, VIEWS.followUps]);
    for (const key of Object.values(SETTINGS)) ids.add(`${SETTINGS_SECTION}.${key}`);
    const offenders: string[] = [];
    for (const file of sources(path.join(ROOT, 'src', 'extension'))) {
      if (file.endsWith(`${path.sep}ids.ts`)) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/['"](alliances[.:][A-Za-z.]+)['"]/g)) {
        if (ids.has(match[1])) offenders.push(`${path.relative(ROOT, file)}: ${match[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
