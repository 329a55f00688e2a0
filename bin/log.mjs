// consent-gate log …: the consent log service and its tools (see docs/consent-log.md).
import { logCommand } from '../dist/log.mjs';

try {
  process.exit(await logCommand(process.argv.slice(3)));
} catch (error) {
  process.stderr.write(`consent-gate log: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}
