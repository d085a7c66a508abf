import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type Actor, forbidden, type ReferenceCatalog } from '@enlace/domain';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import type { Request } from 'express';
import { CurrentActor } from '../auth/auth.decorators.js';
import { scenarioFromUpload, XLSX_TYPE } from './scenario-upload.js';
import { type Scenario, type ScenarioSummary, scenarioSummary, scenarioToCsv, scenarioToXlsx } from '@enlace/scenarios';
import type { Response } from 'express';
import { SlugParam } from '../common/params.js';
import { ScenarioCatalog } from './scenario-catalog.js';

const XLSX = XLSX_TYPE;
const FILE_NAME = /^[\w .()-]{1,100}$/;

/** The scenarios (HSEEP MSELs) drills are planned from: read, and downloaded as the spreadsheets planners keep. */
@ApiTags('drills')
@ApiBearerAuth()
@Controller('scenarios')
export class ScenariosController {
  constructor(
    private readonly catalog: ScenarioCatalog,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
  ) {}

  @Post('import')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Read a planner's MSEL spreadsheet (CSV or XLSX, as exported here) and check it like the scenario files: the " +
      'scenario, ready to plan a drill from (POST /api/drills with `scenario`), or every problem naming row and column',
  })
  @ApiConsumes('text/csv', XLSX)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'file', required: false, description: 'The file name, for the problems to name it' })
  @ApiOkResponse({ description: 'The scenario, checked against the reference data' })
  @ApiUnprocessableEntityResponse({
    description: 'SCENARIO.INVALID: details.problems, each with file, cell (sheet, row, column), inject, field, rule',
  })
  @ApiForbiddenResponse({ description: 'Planners and administrators only' })
  async import(
    @Req() request: Request,
    @Query('file') file: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<Scenario> {
    if (actor.role !== 'planner' && actor.role !== 'admin') {
      throw forbidden(
        'AUTH.ROLE',
        'Only planners and administrators import scenarios',
        'Solo los planificadores y administradores importan escenarios',
        { required: ['planner', 'admin'], actual: actor.role },
      );
    }
    const name = file !== undefined && FILE_NAME.test(file) ? file : 'upload';
    return scenarioFromUpload(request.header('content-type'), request.body, name, this.reference);
  }

  @Get()
  @ApiOperation({ summary: 'The scenarios of config/scenarios, checked against the reference data at start' })
  list(): ScenarioSummary[] {
    return this.catalog.list().map(scenarioSummary);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One scenario: its objectives, players and every inject of its MSEL' })
  @ApiNotFoundResponse({ description: 'No such scenario' })
  get(@Param('id', new SlugParam()) id: string): Scenario {
    return this.catalog.get(id);
  }

  @Get(':id/msel.csv')
  @ApiOperation({ summary: 'The scenario as CSV (one MSEL row per inject; formula-like cells neutralised)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such scenario' })
  csv(@Param('id', new SlugParam()) id: string, @Res({ passthrough: true }) response: Response): string {
    const scenario = this.catalog.get(id);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${scenario.id}.csv"`);
    return scenarioToCsv(scenario);
  }

  @Get(':id/msel.xlsx')
  @ApiOperation({ summary: 'The scenario as an XLSX workbook (Scenario, Players, Objectives, MSEL sheets)' })
  @ApiProduces(XLSX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'No such scenario' })
  async xlsx(@Param('id', new SlugParam()) id: string): Promise<StreamableFile> {
    const scenario = this.catalog.get(id);
    return new StreamableFile(await scenarioToXlsx(scenario), {
      type: XLSX,
      disposition: `attachment; filename="${scenario.id}.xlsx"`,
    });
  }
}
