/**
 * Connector configs that work against the emulator's default seed: what the demo uses and what
 * `pnpm emulator` prints to paste into a connector form, one per built-in provider (each from its
 * own package). Usage types without a template of their own fall back to Generic, as in a
 * typical Logto config.
 */
import { emulationConfigs } from '@duanxin/providers/emulator';

type Configs = typeof emulationConfigs;

export const emulatorConnectorConfigs = (endpoint: string) =>
  Object.fromEntries(
    Object.entries(emulationConfigs).map(([name, config]) => [name, config(endpoint)])
  ) as { [Name in keyof Configs]: ReturnType<Configs[Name]> };
