// main/core/kernel: what several capabilities need and none owns, so it sits below all of them and
// imports only shared/. Nothing here may import another capability (kura/layering refuses the cycle).
export { japanDate } from './dates';
export { retentionPolicySchema, recordRuleSchema, type RetentionPolicy, type RecordRule } from './retention-policy';
