// Process entry of the `guimi` command (bin/guimi.js loads the compiled copy).
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
