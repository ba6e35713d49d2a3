import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The binary's path, looked up like a shell would, or undefined. */
export const findBinary = (name: string, preferred?: string): string | undefined => {
  const candidates = [
    ...(preferred ? [preferred] : []),
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)),
  ];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
};

/**
 * Whether tests needing a system package may run. Outside CI a missing package skips them, loudly;
 * under CI=true they always run, so that a missing package fails them.
 */
export const systemBinaryAvailable = (
  name: string,
  installCommand: string,
  preferred?: string
): boolean => {
  if (findBinary(name, preferred) || process.env.CI === 'true') {
    return true;
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! SKIPPING tests that need \`${name}\`: it is not installed.\n!! Install it with: ${installCommand}\n${bar}\n`
  );
  return false;
};

/** For CI=true runs: fails with the install command rather than an obscure spawn error. */
export const requireBinary = (name: string, installCommand: string, preferred?: string): string => {
  const path = findBinary(name, preferred);
  if (!path) {
    throw new Error(`\`${name}\` is not installed; install it with: ${installCommand}`);
  }
  return path;
};
