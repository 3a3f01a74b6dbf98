// The sandbox in its own process, so the load run's heap measures the client alone, not the fake's growing state.
import { createRuleFake, startSandbox } from 'ruleseq/testing';

const sandbox = await startSandbox({ fakes: [createRuleFake({ rateLimit: false })] });
const { baseUrl, apiKey } = sandbox.endpoint('rule');
process.send?.({ baseUrl, apiKey });
process.on('disconnect', () => sandbox.close().then(() => process.exit(0)));
