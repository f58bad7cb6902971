/** Entry point of `npm run experiment`: one run on TF.js in Node, one JSON line at the end. */
import { runCli, usage } from './run';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(usage());
} else {
  try {
    const quiet = argv.includes('--quiet');
    const result = await runCli(argv, quiet ? undefined : (line) => console.error(line));
    console.log(JSON.stringify(result));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
