// `npm start`: serves the demo pages; the widget is the built dist/consent-gate.js (and its
// language files in dist/lang/), exactly what a publisher drops in.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { host: '127.0.0.1', port: 5173, fs: { allow: ['..'] } },
  plugins: [
    {
      name: 'serve-dist',
      configureServer(server) {
        server.middlewares.use('/consent-gate.js', (_req, res) => {
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(`${dist}consent-gate.js`));
        });
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
