// Node (require): the SDK is loaded with require; the shared scenario module is plain ESM.
const { sdk } = require('./sdk.cjs');

const input = JSON.parse(process.argv.at(-1));
import('./scenario.mjs')
  .then(({ smoke }) => smoke({ sdk, ...input }))
  .then((result) => console.log(JSON.stringify(result)));
