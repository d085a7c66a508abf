import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ActOnPort, GetPort, ListChecklists, ListPorts, requirePort } from '@enlace/application';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { type Actor, notFound, type ReferenceCatalog, reopeningBlockers } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import { type ChecklistProgress, portStatus, type PortStatus } from '@enlace/projections';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import type { Response } from 'express';
import { CurrentActor } from '../auth/auth.decorators.js';
import { Command, type CommandContext } from '../common/command-context.js';
import { OfficerWrite } from '../common/officer-write.decorator.js';
import { SlugParam } from '../common/params.js';
import { PositionQuery } from '../common/projections.js';
import { WriteResult, written } from '../common/write-result.js';
import {
  ChecklistNoteDto,
  CloseLanesDto,
  DeclareShutdownDto,
  ItemReopeningDto,
  NewChecklistItemDto,
  ReopeningDto,
  SignOffDto,
  WaiverDto,
} from './port.dto.js';

const Writes = (): MethodDecorator => OfficerWrite('No such port or checklist item');

@ApiTags('ports')
@ApiBearerAuth()
@Controller('ports')
export class PortsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The port status board (live read model): lanes by mode and direction, time closed, linked incident, checklist progress, sign-offs',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'A position (e.g. from a write): answer once the board has reached it',
  })
  async list(@Query('after', new PositionQuery()) after: Position | undefined): Promise<PortStatus[]> {
    return this.queries.execute(new ListPorts(after));
  }

  @Get('checklists')
  @ApiOperation({ summary: 'Checklist progress of every shutdown in progress (live read model)' })
  @ApiQuery({ name: 'after', required: false })
  async checklists(@Query('after', new PositionQuery()) after: Position | undefined): Promise<ChecklistProgress[]> {
    return this.queries.execute(new ListChecklists(after));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One port: lanes by mode and direction, the shutdown in progress, checklist and sign-offs' })
  @ApiNotFoundResponse()
  async get(
    @Param('id', new SlugParam()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PortStatus> {
    const port = requirePort(this.reference, id);
    const { state, revision } = await this.queries.execute(new GetPort(id));
    response.setHeader('ETag', `"${revision}"`);
    return portStatus(port, state, revision);
  }

  @Get(':id/checklist')
  @ApiOperation({ summary: 'The resumption checklist of the shutdown in progress, with what still blocks reopening' })
  async checklist(@Param('id', new SlugParam()) id: string, @Res({ passthrough: true }) response: Response) {
    const { state, revision } = await this.queries.execute(new GetPort(id));
    if (!state.activeShutdown) {
      throw notFound(
        'PORT.NO_ACTIVE_SHUTDOWN',
        `Port ${id} has no shutdown in progress`,
        `El puerto ${id} no tiene un cierre en curso`,
      );
    }
    response.setHeader('ETag', `"${revision}"`);
    const { checklist, signOffs, signOffsToRenew, shutdownId } = state.activeShutdown;
    return {
      shutdownId,
      revision,
      ...checklist,
      signOffs,
      signOffsToRenew,
      blockers: reopeningBlockers(state.activeShutdown),
    };
  }

  @Post(':id/shutdowns')
  @Writes()
  @ApiOperation({
    summary:
      "Declare a shutdown of lanes of the officer's own side; starts the resumption checklist for its kind (the other side joins it)",
  })
  @ApiCreatedResponse({ type: WriteResult })
  declareShutdown(
    @Param('id', new SlugParam()) id: string,
    @Body() body: DeclareShutdownDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(id, { type: 'DeclarePortShutdown', data: { portId: id, ...body } }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/widenings')
  @Writes()
  @ApiOperation({
    summary:
      "Widen the shutdown in progress: close more lanes of the officer's own side (withdraws the sign-offs in force)",
  })
  @ApiCreatedResponse({ type: WriteResult })
  widen(
    @Param('id', new SlugParam()) id: string,
    @Body() body: CloseLanesDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(id, { type: 'WidenPortShutdown', data: { portId: id, ...body } }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/joinings')
  @Writes()
  @ApiOperation({
    summary:
      "Join the other side's shutdown in progress with the officer's own lanes: one checklist, one reopening for both",
  })
  @ApiCreatedResponse({ type: WriteResult })
  join(
    @Param('id', new SlugParam()) id: string,
    @Body() body: CloseLanesDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(id, { type: 'JoinPortShutdown', data: { portId: id, ...body } }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/checklist/items')
  @Writes()
  @ApiOperation({
    summary:
      "Add an item to the running checklist, of the officer's side or joint (withdraws the sign-offs it touches)",
  })
  @ApiCreatedResponse({ type: WriteResult })
  addItem(
    @Param('id', new SlugParam()) id: string,
    @Body() body: NewChecklistItemDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(id, { type: 'AddChecklistItem', data: { portId: id, ...body } }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/checklist/:itemId/completion')
  @Writes()
  @ApiOperation({ summary: 'Complete a checklist item of your side (or a joint one)' })
  @ApiCreatedResponse({ type: WriteResult })
  complete(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: ChecklistNoteDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(
          id,
          { type: 'CompleteChecklistItem', data: { portId: id, itemId, ...body } },
          { actor, ...context },
        ),
      ),
    );
  }

  @Post(':id/checklist/:itemId/waiver')
  @Writes()
  @ApiOperation({ summary: 'Waive a checklist item of your side (or a joint one), with a reason' })
  @ApiCreatedResponse({ type: WriteResult })
  waive(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: WaiverDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(
          id,
          { type: 'WaiveChecklistItem', data: { portId: id, itemId, reason: body.reason } },
          { actor, ...context },
        ),
      ),
    );
  }

  @Post(':id/checklist/:itemId/reopening')
  @Writes()
  @ApiOperation({
    summary:
      'Undo the completion or waiver of an item of your side (or a joint one), with a reason; withdraws the sign-offs it touches',
  })
  @ApiCreatedResponse({ type: WriteResult })
  reopenItem(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: ItemReopeningDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(
          id,
          { type: 'ReopenChecklistItem', data: { portId: id, itemId, reason: body.reason } },
          { actor, ...context },
        ),
      ),
    );
  }

  @Post(':id/sign-offs')
  @Writes()
  @ApiOperation({
    summary: "Sign off the resumption for the officer's own side (once that side's critical items are resolved)",
  })
  @ApiCreatedResponse({ type: WriteResult })
  signOff(
    @Param('id', new SlugParam()) id: string,
    @Body() body: SignOffDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(id, { type: 'SignOffResumption', data: { portId: id, side: body.side } }, { actor, ...context }),
      ),
    );
  }

  @Post(':id/reopenings')
  @HttpCode(200)
  @Writes()
  @ApiOperation({
    summary:
      "Reopen lanes of the officer's own side (a phase, which narrows the shutdown); every phase needs both sign-offs in force and every critical item done or waived",
  })
  @ApiOkResponse({ type: WriteResult })
  reopen(
    @Param('id', new SlugParam()) id: string,
    @Body() body: ReopeningDto,
    @CurrentActor() actor: Actor,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WriteResult> {
    return written(
      response,
      this.commands.execute(
        new ActOnPort(id, { type: 'ReopenPortLanes', data: { portId: id, ...body } }, { actor, ...context }),
      ),
    );
  }
}
