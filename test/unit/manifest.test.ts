// package.json contributions that nothing else exercises: the walkthrough, keybindings, settings.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

interface Manifest {
  contributes: {
    commands: { command: string }[];
    walkthroughs: { id: string; steps: { id: string; title: string; description: string; media: { markdown?: string; image?: unknown }; completionEvents: string[] }[] }[];
    keybindings: { command: string; key: string; mac?: string }[];
    configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string }> }[];
  };
}
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const commands = new Set(manifest.contributes.commands.map((c) => c.command));

describe('package.json contributions', () => {
  it('has a walkthrough of 3–4 steps, each completed by running its command, with media that exists', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['addPartner', 'logCheckIn', 'addTalkingPoint', 'openDashboard']);
    for (const step of walkthrough.steps) {
      assert.equal(step.completionEvents.length, 1, step.id);
      const command = step.completionEvents[0]?.replace(/^onCommand:/, '') ?? '';
      assert.ok(commands.has(command), `${step.id}: ${command} is a contributed command`);
      assert.ok(step.description.includes(`(command:${command})`), `${step.id} has a button for ${command}`);
      assert.ok(step.media.markdown && existsSync(path.join(ROOT, step.media.markdown)), `${step.id} media`);
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
