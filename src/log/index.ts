// consent-gate/log: the consent log service (Node only; nothing here reaches the browser bundle).
export { ConsentLog, type StoredReceipt, type RegisteredTexts, type Verdict, type Bucket } from './consent-log.js';
export { createLogService, MIN_TOKEN_LENGTH, type LogServiceOptions } from './service.js';
export { openLog } from './storage.js';
export { openEmbedded } from './pglite.js';
export { openPostgres } from './postgres.js';
export { canonicalJson, chainHash, GENESIS, type LogRow } from './chain.js';
export { receiptSchema } from './receipt-schema.js';
export { widgetTexts, shownTexts, registerWidgetTexts } from './texts.js';
export { logCommand } from './cli.js';
