/**
 * ruleseq: typed clients for Rule.io, Sequence and iCloudReady. Import a client from its own entry point
 * (`ruleseq/rule`, …); this entry holds what they share: errors, the promise and page types, options, hook and
 * rate-limit types.
 */
export * from './core/index.js';
