// `npm start`: serves the demo pages; the widget is the built dist/consent-gate.js, exactly what a
// publisher drops in.
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
      },
    },
  ],
});
