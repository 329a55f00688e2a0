// `npm install` and `npm ci` must leave every committed file as it is: a package-lock.json that
// does not match package.json is rewritten by `npm install` (it once lacked the package's `bin`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('npm install leaves package-lock.json byte-for-byte as committed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-lock-'));
  try {
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(root, file), join(dir, file));
    // Resolving the lock only (no node_modules, no scripts, from the local cache): what `npm install` writes.
    execFileSync('npm', ['install', '--package-lock-only', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'pipe',
      timeout: 120_000,
    });
    assert.equal(readFileSync(join(dir, 'package-lock.json'), 'utf8'), readFileSync(join(root, 'package-lock.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
