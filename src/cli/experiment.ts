/**
 * Entry point of `npm run experiment`: one run on TF.js in Node, one JSON line at the end; with
 * --grid, every run of a grid search and the summary table (then its JSON line).
 */
import { runGridCli } from './grid';
import { runCli, usage } from './run';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(usage());
} else {
  try {
    const quiet = argv.includes('--quiet');
    const log = quiet ? undefined : (line: string) => console.error(line);
    if (argv.some((arg) => arg === '--grid' || arg.startsWith('--grid='))) {
      const { table, ...result } = await runGridCli(argv, log);
      console.log(table);
      console.log(JSON.stringify(result));
    } else {
      const result = await runCli(argv, log);
      console.log(JSON.stringify(result));
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
