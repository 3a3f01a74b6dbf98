/** Every entry point of the package (package.json `exports`) and the source file it is built from (tsup.config.ts). */
export const ENTRY_POINTS: Record<string, string> = {
  ruleseq: 'index',
  'ruleseq/rule': 'rule/index',
  'ruleseq/sequence': 'sequence/index',
  'ruleseq/icloudready': 'icloudready/index',
  'ruleseq/sequence-platform': 'sequence-platform/index',
  'ruleseq/testing': 'testing/index',
  'ruleseq/testing/msw': 'testing/msw-handlers',
  'ruleseq/redis': 'redis/index',
};
