// Loads the configured puppet module by name at start (none is needed by the rest of Guimi), so a
// deployment installs only the puppet it uses and gets a clear error when it is missing.
import { AppError } from '../../platform/errors.js';
import type { WechatySettings } from './wechaty-settings.js';

type PuppetCtor = new (options?: Record<string, unknown>) => object;

export async function loadPuppet(
  name: WechatySettings['puppet'],
  options: Record<string, unknown>,
): Promise<object> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(name)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new AppError(
        'CONFIG',
        `the Wechaty puppet "${name}" is not installed: run \`npm install ${name}\``,
        {
          puppet: name,
        },
      );
    throw e;
  }
  const Ctor = (mod.default ?? Object.values(mod).find((v) => typeof v === 'function')) as
    PuppetCtor | undefined;
  if (typeof Ctor !== 'function')
    throw new AppError('CONFIG', `the module "${name}" does not export a Wechaty puppet`, { puppet: name });
  return new Ctor(options);
}
