#!/usr/bin/env node
// npx kura-admin: the bundle built by `npm run build` (run automatically by npm install / npm ci).
require('../dist/cli/kura-admin.cjs');
