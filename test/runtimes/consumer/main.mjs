// Node (import), Bun and Deno: runs the scenario with the JSON input in the last argument, prints the JSON result.
import { smoke } from './scenario.mjs';
import { sdk } from './sdk.mjs';

const input = JSON.parse(process.argv.at(-1));
console.log(JSON.stringify(await smoke({ sdk, ...input })));
