// Finds a Chromium for the browser tests. On Debian as root with none installed, installs Debian's
// `chromium` package; anywhere else, stops and says what is needed.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

if (findChromium()) process.exit(0);

const isDebian = existsSync('/etc/debian_version');
const isRoot = process.getuid?.() === 0;
if (isDebian && isRoot) {
  console.log('No Chromium found: installing Debian\'s chromium package (apt-get install -y chromium)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  if (findChromium()) process.exit(0);
}
console.error(
  'The tests need Chromium or Chrome. Install it (Debian/Ubuntu: `apt-get install chromium`) ' +
    'or set CHROME_PATH to its executable, then run `npm test` again.',
);
process.exit(1);
