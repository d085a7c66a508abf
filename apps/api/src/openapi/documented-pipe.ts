import type { SchemaObject } from '@nestjs/swagger';

/**
 * A pipe that checks a path, query or header parameter says what it accepts as an OpenAPI schema; the document's
 * post-processor puts it on every parameter the pipe checks (see route-facts.ts), so the schema and the check are
 * written once, side by side.
 */
export interface DocumentedPipe {
  readonly schema: SchemaObject;
  /** True when the parameter must be present. */
  readonly required?: boolean;
}

export function isDocumentedPipe(pipe: unknown): pipe is DocumentedPipe {
  return typeof pipe === 'object' && pipe !== null && typeof (pipe as { schema?: unknown }).schema === 'object';
}
