import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where scripts/build.mjs puts the browser console: dist/console beside dist/apps/api/src/main.js. */
export const CONSOLE_DIST = fileURLToPath(new URL('../../../console/', import.meta.url));

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Enlace</title>
<p>The console has not been built: run <code>npm run build</code>.</p>
<p lang="es-MX">La consola no se ha compilado: ejecute <code>npm run build</code>.</p></html>`;

/** Paths the api answers itself; every other GET that accepts HTML is the single-page console. */
export const API_PATH = /^\/(api|health|metrics|socket\.io)(\/|$)/;

/** Serves the browser console at `/`: hashed assets cached for good, index.html never, client routes → index.html. */
export function serveConsole(app: NestExpressApplication, dir: string = CONSOLE_DIST): void {
  const index = join(dir, 'index.html');
  const built = existsSync(index);
  if (built) {
    app.useStaticAssets(dir, {
      index: false,
      setHeaders: (res: Response, path: string) => {
        res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    // Content-Security-Policy and the other security headers come from securityHeaders(), as on every response.
    res.setHeader('Cache-Control', 'no-cache');
    if (built) res.sendFile(index);
    else res.status(503).type('html').send(NOT_BUILT);
  });
}
