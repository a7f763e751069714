// One list of tools (src/core/tools/definitions.ts): package.json's languageModelTools and the table of
// ids (src/extension/ids.ts) say the same names, descriptions and input schemas, and every tool's
// schema accepts what its input check accepts.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TOOL_DEFINITIONS } from '../../src/core/tools';
import { LANGUAGE_MODEL_TOOLS, MCP_SERVER_PROVIDERS, SETTINGS, SETTINGS_SECTION } from '../../src/extension/ids';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    languageModelTools: Record<string, unknown>[];
    mcpServerDefinitionProviders: { id: string; label: string }[];
    configuration: { properties: Record<string, { default?: unknown; scope?: string; markdownDescription?: string }> }[];
  };
};
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('the language-model tools in package.json', () => {
  it('are the tools of src/core/tools, with the same names, descriptions and input schemas', () => {
    const declared = manifest.contributes.languageModelTools;
    assert.deepEqual(
      declared.map((tool) => tool.name),
      TOOL_DEFINITIONS.map((tool) => tool.name),
    );
    for (const tool of TOOL_DEFINITIONS) {
      const entry = declared.find((candidate) => candidate.name === tool.name) ?? {};
      assert.equal(entry.modelDescription, tool.description, tool.name);
      assert.deepEqual(entry.inputSchema, tool.inputSchema, tool.name);
      assert.equal(entry.toolReferenceName, tool.referenceName, tool.name);
      assert.equal(entry.canBeReferencedInPrompt, true);
      // Restricted Mode: the write tools are not offered (and refuse, should one be called).
      assert.equal(entry.when, tool.writes ? 'isWorkspaceTrusted' : undefined, tool.name);
      for (const key of ['displayName', 'userDescription']) {
        const text = String(entry[key]);
        assert.ok(/^%.+%$/.test(text) && nls[text.slice(1, -1)], `${tool.name}.${key} is translatable`);
      }
    }
  });

  it('are the table of ids', () => {
    assert.deepEqual(
      Object.entries(LANGUAGE_MODEL_TOOLS),
      TOOL_DEFINITIONS.map((tool) => [tool.key, tool.name]),
    );
    assert.deepEqual(
      manifest.contributes.mcpServerDefinitionProviders.map((provider) => provider.id),
      [MCP_SERVER_PROVIDERS.stores],
    );
  });

  it('leave private records out unless the user, not a workspace, turns the setting on', () => {
    const setting = manifest.contributes.configuration
      .flatMap((section) => Object.entries(section.properties))
      .find(([key]) => key === `${SETTINGS_SECTION}.${SETTINGS.toolsIncludePrivate}`)?.[1];
    assert.equal(setting?.default, false);
    assert.equal(setting?.scope, 'application');
    assert.match(nls[String(setting?.markdownDescription).slice(1, -1)] ?? '', /private/);
  });
});
