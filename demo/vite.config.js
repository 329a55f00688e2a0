// `npm start`: serves the demo pages; the widget is the built dist/consent-gate.js (and its
// language files in dist/lang/), exactly what a publisher drops in.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173, fs: { allow: ['..'] } },
  plugins: [
    {
      // The consent log on the embedded database (consent-log/, as `consent-gate log serve` would), where the demo sends its receipts.
      name: 'consent-log',
      async configureServer() {
        const { createLogService, openLog, registerWidgetTexts } = await import('../dist/log.mjs');
        const log = await openLog({ databaseUrl: process.env.DATABASE_URL, dataDir: fileURLToPath(new URL('../consent-log/', import.meta.url)) });
        await registerWidgetTexts(log);
        const token = process.env.CONSENT_LOG_TOKEN ?? randomBytes(24).toString('base64url');
        const app = await createLogService({ log, origins: ['http://127.0.0.1:5173', 'http://localhost:5173'], token });
        await app.listen({ port: 8787, host: '127.0.0.1' });
        console.log(`  consent log: http://127.0.0.1:8787/ (dashboard read token: ${token})`);
      },
    },
    {
      name: 'serve-dist',
      configureServer(server) {
        // The widget, and the receipts file it loads from beside itself.
        for (const file of ['consent-gate.js', 'consent-gate-receipts.js']) {
          server.middlewares.use(`/${file}`, (_req, res) => {
            res.setHeader('Content-Type', 'text/javascript');
            res.end(readFileSync(`${dist}${file}`));
          });
        }
        // The language files, next to the script as in dist/.
        server.middlewares.use('/lang/', (req, res, next) => {
          const file = /^\/([a-z]{2})\.js$/.exec(req.url ?? '')?.[1];
          if (!file) return next();
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(`${dist}lang/${file}.js`));
        });
      },
    },
  ],
});
