// The SDK as a CommonJS consumer requires it (see sdk.mjs for why the error class comes from the root).
const { NotFoundError } = require('ruleseq');
const { RuleClient } = require('ruleseq/rule');
const { SequenceClient } = require('ruleseq/sequence');
const { SequencePlatformClient } = require('ruleseq/sequence-platform');

module.exports = { sdk: { NotFoundError, RuleClient, SequenceClient, SequencePlatformClient } };
