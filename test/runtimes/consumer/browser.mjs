// Chromium: the page exposes the scenario for the host (playwright) to call with the sandbox endpoints.
import { smoke } from './scenario.mjs';
import { sdk } from './sdk.mjs';

/** Whether a client refuses to start in the browser when the caller has not opted in. */
function refusesWithoutOptIn(endpoint) {
  try {
    new sdk.RuleClient(endpoint);
    return false;
  } catch (error) {
    return error.name === 'ConfigurationError';
  }
}

globalThis.runSmoke = async (input) => ({
  ...(await smoke({ sdk, ...input, clientOptions: { dangerouslyAllowBrowser: true } })),
  refusesWithoutOptIn: refusesWithoutOptIn(input.rule),
});
