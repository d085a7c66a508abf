import { Controller, Get, Header, HttpStatus, Inject, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  isMetricsScrapeAuthorized,
  Metrics,
  METRICS_TOKEN,
  METRICS_UNAUTHORIZED,
  METRICS_WWW_AUTHENTICATE,
} from '@enlace/metrics';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators.js';

/** The name of the OpenAPI security scheme of `/metrics` (its own bearer token, not a user's): see api-docs.ts. */
export const METRICS_SECURITY = 'metrics-token';

@ApiTags('operations')
@ApiBearerAuth(METRICS_SECURITY)
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(METRICS_TOKEN) private readonly token: string,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "This process's metrics, in Prometheus' text format",
    description:
      "For Prometheus: the bearer token of the site (METRICS_TOKEN), not a user's access token. Each api and worker " +
      'process serves its own; counters count since the process started. README, "Operating a site".',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({
    description: 'No token, or not the metrics token (METRICS.UNAUTHENTICATED, with WWW-Authenticate: Bearer)',
  })
  async scrape(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!isMetricsScrapeAuthorized(request.headers.authorization, this.token)) {
      response.status(HttpStatus.UNAUTHORIZED).setHeader('WWW-Authenticate', METRICS_WWW_AUTHENTICATE);
      response.json(METRICS_UNAUTHORIZED);
      return;
    }
    const body = await this.metrics.render();
    response.status(HttpStatus.OK).type(this.metrics.contentType).send(body);
  }
}
