import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../src/slack/ids.ts';

/** The manifest creates the app the code expects: same commands, escaping on, the scopes used. */
describe('manifests/slack.yaml', async () => {
  const manifest = parse(await readFile(new URL('../manifests/slack.yaml', import.meta.url), 'utf8'));

  it('declares exactly the slash commands the bot registers, with @mention escaping on', () => {
    const commands: Array<{ command: string; should_escape: boolean; url: string }> =
      manifest.features.slash_commands;
    expect(commands.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    for (const command of commands) {
      expect(command.should_escape).toBe(true);
      expect(command.url).toMatch(/\/slack\/events$/);
    }
  });

  it('turns on interactivity and the Home tab on the same endpoint, Socket Mode switchable', () => {
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true });
    expect(manifest.settings.interactivity.request_url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
    expect(typeof manifest.settings.socket_mode_enabled).toBe('boolean');
  });

  it('asks only for the bot scopes the code uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'commands',
      'files:write',
      'im:write',
      'users:read',
    ]);
  });
});
