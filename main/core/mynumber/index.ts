export { MyNumberVault, type MyNumberStatus, type WriteResult, type SealedWriteResult } from './vault';
export { blindIndex, encryptMyNumber, decryptMyNumber } from './field-crypto';
export { demoMyNumber } from './demo';
