export { MemberRegistry, type Member, type MemberSearchBy } from './registry';
export { normalizeKana } from './kana';
export { demoMember, demoShikakuId, seededRandom } from './demo';
export { memberMigrations } from './schema';
