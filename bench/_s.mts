import { benchSmoothness } from './smoothness';
await benchSmoothness(console.log, process.argv.slice(2));
