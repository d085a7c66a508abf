import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Scenario, scenarioToCsv, scenarioToXlsx } from '@enlace/scenarios';
import type { Response } from 'express';
import { SlugParam } from '../common/params.js';
import { ScenarioCatalog } from './scenario-catalog.js';

/** What the scenario list shows of each (the whole scenario is one GET away). */
export interface ScenarioSummary {
  id: string;
  title: Scenario['title'];
  portId: string;
  blmId: string;
  hazard: Scenario['hazard'];
  timeZone: string;
  injects: number;
  objectives: number;
  /** Scenario minutes from the first inject to the last. */
  durationMinutes: number;
}

const summary = (scenario: Scenario): ScenarioSummary => ({
  id: scenario.id,
  title: scenario.title,
  portId: scenario.portId,
  blmId: scenario.blmId,
  hazard: scenario.hazard,
  timeZone: scenario.timeZone,
  injects: scenario.injects.length,
  objectives: scenario.objectives.length,
  durationMinutes: Math.max(0, ...scenario.injects.map((inject) => inject.offsetMinutes)),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The scenarios (HSEEP MSELs) drills are planned from: read, and downloaded as the spreadsheets planners keep. */
@ApiTags('drills')
@ApiBearerAuth()
@Controller('scenarios')
export class ScenariosController {
  constructor(private readonly catalog: ScenarioCatalog) {}

  @Get()
  @ApiOperation({ summary: 'The scenarios of config/scenarios, checked against the reference data at start' })
  list(): ScenarioSummary[] {
    return this.catalog.list().map(summary);
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
