/** Command-line arguments of `npm run experiment -- <id> [--name value …]`. */
export interface CliArgs {
  experimentId: string | undefined;
  /** --name value pairs, in order, names without dashes. */
  options: Map<string, string>;
  errors: string[];
}

/** Options that never take a value. */
const FLAGS = new Set(['quiet', 'help']);

export function parseArgs(argv: readonly string[]): CliArgs {
  const options = new Map<string, string>();
  const errors: string[] = [];
  let experimentId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        options.set(arg.slice(2, eq), arg.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--') || FLAGS.has(arg.slice(2))) options.set(arg.slice(2), 'true');
      else {
        options.set(arg.slice(2), next);
        i++;
      }
    } else if (experimentId === undefined) experimentId = arg;
    else errors.push(`Unexpected argument "${arg}".`);
  }
  return { experimentId, options, errors };
}
