export { MyNumberVault, type MyNumberStatus, type WriteResult } from './vault';
export { blindIndex, encryptMyNumber, decryptMyNumber } from './field-crypto';
export { demoMyNumber } from './demo';
