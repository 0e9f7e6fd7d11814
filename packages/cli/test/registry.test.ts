/**
 * The command registry loads each command's usage module only when asked (start-up): the name it
 * is registered under must be the name the command declares, and every command must have help.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/registry.js';
import { lcz } from './helpers.js';

describe('the command registry', () => {
  it('registers each command under the name it declares', async () => {
    expect(COMMANDS.size).toBeGreaterThan(10);
    for (const [name, load] of COMMANDS) {
      const command = await load();
      expect(command.name).toBe(name);
      expect(command.help).toContain(`lcz ${name}`);
    }
  });

  it('prints a command help loaded on demand, and the main help', async () => {
    const help = await lcz(['help', 'evaluate']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lcz evaluate --rules <rules>');
    const main = await lcz(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('lcz evaluate --rules <rules> <assessment>');
  });
});
