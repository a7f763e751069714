// package.json contributions that nothing else exercises: the walkthrough, keybindings, settings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
  contributes: {
    commands: { command: string }[];
    walkthroughs: {
      id: string;
      steps: { id: string; title: string; description: string; media: { svg?: string; altText?: string }; completionEvents: string[] }[];
    }[];
    keybindings: { command: string; key: string; mac?: string }[];
    configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string }> }[];
  };
}
const rawManifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** The manifest as VS Code shows it: every "%key%" replaced from package.nls.json. */
const manifest = JSON.parse(rawManifest, (_key, value: unknown) =>
  typeof value === 'string' && /^%[^%]+%$/.test(value) ? (nls[value.slice(1, -1)] ?? value) : value,
) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));

describe('package.json contributions', () => {
  it('are localisable: every user-visible string is a %key% of package.nls.json, and every key is used', () => {
    const raw = JSON.parse(rawManifest) as { displayName: string; description: string } & Manifest & {
        contributes: { views: Record<string, { name: string }[]>; viewsWelcome: { contents: string }[] };
      };
    const visible = [
      raw.displayName,
      raw.description,
      ...raw.contributes.commands.flatMap((c) => [(c as { title?: string }).title ?? '', (c as { category?: string }).category ?? '']),
      ...Object.values(raw.contributes.views)
        .flat()
        .map((view) => view.name),
      ...raw.contributes.viewsWelcome.map((welcome) => welcome.contents),
      ...raw.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((step) => [step.title, step.description, step.media.altText ?? ''])),
      ...raw.contributes.configuration.flatMap((section) => [
        section.title,
        ...Object.values(section.properties).map((p) => p.markdownDescription ?? ''),
      ]),
    ];
    for (const text of visible) assert.match(text, /^%[^%]+%$/, text);
    const used = new Set([...rawManifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
    assert.deepEqual(
      Object.keys(nls).filter((key) => !used.has(key)),
      [],
      'unused keys',
    );
    assert.deepEqual(
      [...used].filter((key) => key !== undefined && !(key in nls)),
      [],
      'missing keys',
    );
  });

  it('has a walkthrough of 3–4 steps, each with a button and an event that completes it', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ['addPartner', 'logCheckIn', 'addTalkingPoint', 'openDashboard'],
    );
    // Adding (or importing) the first partner completes step 1; running the command alone does not.
    assert.deepEqual(walkthrough.steps[0]?.completionEvents, ['onContext:alliances:hasPartners']);
    assert.ok(walkthrough.steps[0]?.description.includes('(command:alliances.addPartner)'));
    for (const step of walkthrough.steps.slice(1)) {
      assert.equal(step.completionEvents.length, 1, step.id);
      const command = step.completionEvents[0]?.replace(/^onCommand:/, '') ?? '';
      assert.ok(commands.has(command), `${step.id}: ${command} is a contributed command`);
      assert.ok(step.description.includes(`(command:${command})`), `${step.id} has a button for ${command}`);
    }
  });

  it('illustrates each step with a small SVG drawn in theme colours, its alt text also its <title>', () => {
    for (const step of manifest.contributes.walkthroughs.flatMap((w) => w.steps)) {
      const { svg, altText } = step.media;
      assert.ok(svg && altText && altText.length > 40, `${step.id}: svg media with alt text`);
      const text = readFileSync(path.join(ROOT, svg), 'utf8');
      assert.ok(text.length < 8_000, `${step.id}: ${text.length} bytes`);
      // VS Code shows an SVG step's alt text nowhere (1.139), so the picture carries it for screen readers.
      assert.match(text, /^<svg [^>]*role="img" aria-labelledby="title"/, step.id);
      assert.equal(/<title id="title">([^<]*)<\/title>/.exec(text)?.[1], altText, `${step.id}: <title> = altText`);
      // The media webview's CSP allows no <style>, <script> or style="" attribute.
      assert.doesNotMatch(text, /<(style|script)\b|\sstyle=/, step.id);
      // Every colour follows the theme: a --vscode-* variable (its fallback for older themes), none or transparent.
      const colours = [...text.matchAll(/\s(?:fill|stroke)="([^"]*)"/g)].map((match) => match[1] ?? '');
      assert.ok(colours.length > 10, step.id);
      for (const colour of colours)
        assert.match(colour, /^(none|transparent|url\(#\w+\)|var\(--vscode-[\w-]+, .+\))$/, `${step.id}: ${colour}`);
    }
  });

  it('binds keys only to contributed commands, with a macOS variant, and no key twice', () => {
    for (const binding of manifest.contributes.keybindings) {
      assert.ok(commands.has(binding.command), binding.command);
      assert.ok(binding.mac, binding.command);
    }
    const keys = manifest.contributes.keybindings.map((binding) => binding.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('groups settings in titled sections, each with a markdown description', () => {
    assert.ok(manifest.contributes.configuration.length >= 3);
    for (const section of manifest.contributes.configuration) {
      assert.ok(section.title, 'section title');
      for (const [name, property] of Object.entries(section.properties)) {
        assert.match(name, /^alliances\./);
        assert.ok(property.markdownDescription && property.markdownDescription.length > 20, name);
      }
    }
  });
});
