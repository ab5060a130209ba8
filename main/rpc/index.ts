export { Router, redactDigits, type Call, type Handler, type Handlers } from './router';
export { Connection, type Session } from './session';
export { openKura, type Kura, type KuraOptions } from './kura';
export { resourcePath } from './resources';
export { kuraMigrations } from './schema';
