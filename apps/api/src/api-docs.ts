import type { ArgumentsHost } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { apiDocsAccess, type EnvironmentVariables } from '@enlace/config';
import { ApiErrorFilter } from './common/api-error.filter.js';
import { AdminCaller } from './common/admin-caller.js';
import { createOpenApiDocument } from './openapi/openapi-document.js';

/** Every path the OpenAPI docs answer on: the page and its files, the JSON and the YAML document. */
const DOCS_PATHS = ['/api/docs', '/api/docs-json', '/api/docs-yaml'];

/**
 * The OpenAPI docs at /api/docs (JSON at /api/docs-json) as `API_DOCS` says: public (the default outside production),
 * admins only (a bearer token: for tools such as curl or a client generator, since a browser page cannot send one),
 * or not at all (the default in production). Like every page, they may not be framed (securityHeaders).
 */
export function serveApiDocs(app: NestExpressApplication, env: Pick<EnvironmentVariables, 'API_DOCS' | 'NODE_ENV'>) {
  const access = apiDocsAccess(env);
  if (access === 'off') return;
  if (access === 'admin') {
    const admin = app.get(AdminCaller);
    const errors = new ApiErrorFilter();
    app.use(DOCS_PATHS, (request: Request, response: Response, next: NextFunction) => {
      admin.authorize(request, response).then(
        () => next(),
        (error: unknown) => errors.catch(error, new ExecutionContextHost([request, response]) as ArgumentsHost),
      );
    });
  }
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
