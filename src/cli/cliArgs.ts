/**
 * What the CLI commands' argument parsers share: node's parseArgs with a usage error instead of a
 * stack trace, --help, exactly one positional argument, and checked whole numbers and file names.
 */
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
type Values<T extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>
>['values'];

/** A parse that failed (the message to print with the usage) or asked for the usage. */
export type Refusal = { error: string } | { help: true };

/**
 * Parses argv (without node and script) with `options` and --help; the one positional argument is
 * `what` in the messages ("missing the scenario", "expected one scenario, got 2 arguments").
 */
export function parseCommand<T extends OptionSpecs>(
  argv: string[],
  options: T,
  what: string,
): { values: Values<T>; positional: string } | Refusal {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { ...options, help: { type: 'boolean', default: false } },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if ((values as { help?: boolean }).help) return { help: true };
  if (positionals.length > 1) return { error: `expected one ${what}, got ${positionals.length} arguments` };
  if (positionals.length === 0 || positionals[0].trim() === '') return { error: `missing the ${what}` };
  return { values: values as Values<T>, positional: positionals[0] };
}

/**
 * The value of --`flag` as a whole number from min to max, the fallback when not given, or the error.
 * @param range how the message spells the range ("from 1 to 64")
 */
export function wholeNumber<F>(
  text: string | undefined,
  flag: string,
  min: number,
  max: number,
  range: string,
  fallback: F,
): number | F | { error: string } {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    return { error: `--${flag} must be a whole number ${range}, not ${JSON.stringify(text)}` };
  }
  return value;
}

/** The error of a --`flag` given an empty file name, or null. */
export function emptyFileName(text: string | undefined, flag: string): { error: string } | null {
  return text !== undefined && text.trim() === '' ? { error: `--${flag} needs a file name` } : null;
}
