// The SDK as an ESM consumer imports it; the error class comes from the root entry point on purpose, so
// `instanceof` also proves one class identity across entry points.
import { NotFoundError } from 'ruleseq';
import { RuleClient } from 'ruleseq/rule';
import { SequenceClient } from 'ruleseq/sequence';
import { SequencePlatformClient } from 'ruleseq/sequence-platform';

export const sdk = { NotFoundError, RuleClient, SequenceClient, SequencePlatformClient };
