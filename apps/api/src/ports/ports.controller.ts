import { Body, Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ActOnPort, GetPort, ListChecklists, ListPorts, ListPortShutdowns, requirePort } from '@enlace/application';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { notFound, type PortCommand, type ReferenceCatalog, reopeningBlockers, type World } from '@enlace/domain';
import type { Position } from '@enlace/event-store';
import { type ChecklistProgress, type PastShutdown, portStatus, type PortStatus } from '@enlace/projections';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import type { Response } from 'express';
import { Write, type WriteExchange } from '../common/command-context.js';
import { officerPosts } from '../common/officer-write.decorator.js';
import { SlugParam } from '../common/params.js';
import { CursorQuery, LimitQuery, paged, PagedList, pageOf, PositionQuery } from '../common/projections.js';
import { AnswersRevision, WriteResult, written } from '../common/write-result.js';
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
import { AcceptsDrillHeader, CurrentWorld } from '../common/world.js';

const PortWrite = officerPosts('No such port or checklist item');

/** Where a port, with its shutdown in progress, checklist and sign-offs, can be read. */
const portLocation = (id: string) => `/api/ports/${id}`;

@ApiTags('ports')
@ApiBearerAuth()
@AcceptsDrillHeader()
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
  async list(
    @Query('after', new PositionQuery()) after: Position | undefined,
    @CurrentWorld() world: World,
  ): Promise<PortStatus[]> {
    return this.queries.execute(new ListPorts(after, world));
  }

  @Get('checklists')
  @ApiOperation({ summary: 'Checklist progress of every shutdown in progress (live read model)' })
  @ApiQuery({ name: 'after', required: false })
  async checklists(
    @Query('after', new PositionQuery()) after: Position | undefined,
    @CurrentWorld() world: World,
  ): Promise<ChecklistProgress[]> {
    return this.queries.execute(new ListChecklists(after, world));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One port: lanes by mode and direction, the shutdown in progress, checklist and sign-offs' })
  @AnswersRevision('The port')
  @ApiNotFoundResponse()
  async get(
    @Param('id', new SlugParam()) id: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<PortStatus> {
    const port = requirePort(this.reference, id);
    const { state, revision } = await this.queries.execute(new GetPort(id, world));
    response.setHeader('ETag', `"${revision}"`);
    return portStatus(port, state, revision);
  }

  @Get(':id/shutdowns')
  @ApiOperation({
    summary:
      "A port's shutdowns, the one in progress and the past ones, a page at a time, the most recent first: when " +
      'declared, kind and scope, when reopened, and the incident each was declared for',
  })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'A position (e.g. from a write): answer once the history has it',
  })
  @PagedList("One page of the port's shutdowns")
  @ApiNotFoundResponse()
  async shutdowns(
    @Param('id', new SlugParam()) id: string,
    @Query('after', new PositionQuery()) after: Position | undefined,
    @Query('limit', new LimitQuery()) limit: number,
    @Query('cursor', new CursorQuery()) cursor: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<PastShutdown[]> {
    requirePort(this.reference, id);
    return paged(response, await this.queries.execute(new ListPortShutdowns(id, pageOf(limit, cursor), after, world)));
  }

  @Get(':id/checklist')
  @ApiOperation({ summary: 'The resumption checklist of the shutdown in progress, with what still blocks reopening' })
  @AnswersRevision("The checklist; ETag is the port's revision")
  async checklist(
    @Param('id', new SlugParam()) id: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ) {
    const { state, revision } = await this.queries.execute(new GetPort(id, world));
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

  @PortWrite(
    ':id/shutdowns',
    "Declare a shutdown of lanes of the officer's own side; starts the resumption checklist for its kind (the other side joins it)",
  )
  declareShutdown(
    @Param('id', new SlugParam()) id: string,
    @Body() body: DeclareShutdownDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'DeclarePortShutdown', data: { portId: id, ...body } }, write);
  }

  @PortWrite(
    ':id/widenings',
    "Widen the shutdown in progress: close more lanes of the officer's own side (withdraws the sign-offs in force)",
  )
  widen(
    @Param('id', new SlugParam()) id: string,
    @Body() body: CloseLanesDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'WidenPortShutdown', data: { portId: id, ...body } }, write);
  }

  @PortWrite(
    ':id/joinings',
    "Join the other side's shutdown in progress with the officer's own lanes: one checklist, one reopening for both",
  )
  join(
    @Param('id', new SlugParam()) id: string,
    @Body() body: CloseLanesDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'JoinPortShutdown', data: { portId: id, ...body } }, write);
  }

  @PortWrite(
    ':id/checklist/items',
    "Add an item to the running checklist, of the officer's side or joint (withdraws the sign-offs it touches)",
  )
  addItem(
    @Param('id', new SlugParam()) id: string,
    @Body() body: NewChecklistItemDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'AddChecklistItem', data: { portId: id, ...body } }, write);
  }

  @PortWrite(':id/checklist/:itemId/completion', 'Complete a checklist item of your side (or a joint one)')
  complete(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: ChecklistNoteDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'CompleteChecklistItem', data: { portId: id, itemId, ...body } }, write);
  }

  @PortWrite(':id/checklist/:itemId/waiver', 'Waive a checklist item of your side (or a joint one), with a reason')
  waive(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: WaiverDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'WaiveChecklistItem', data: { portId: id, itemId, reason: body.reason } }, write);
  }

  @PortWrite(
    ':id/checklist/:itemId/reopening',
    'Undo the completion or waiver of an item of your side (or a joint one), with a reason; withdraws the sign-offs it touches',
  )
  reopenItem(
    @Param('id', new SlugParam()) id: string,
    @Param('itemId', new SlugParam('itemId')) itemId: string,
    @Body() body: ItemReopeningDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'ReopenChecklistItem', data: { portId: id, itemId, reason: body.reason } }, write);
  }

  @PortWrite(
    ':id/sign-offs',
    "Sign off the resumption for the officer's own side (once that side's critical items are resolved)",
  )
  signOff(
    @Param('id', new SlugParam()) id: string,
    @Body() body: SignOffDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'SignOffResumption', data: { portId: id, side: body.side } }, write);
  }

  @PortWrite(
    ':id/reopenings',
    "Reopen lanes of the officer's own side (a phase, which narrows the shutdown); every phase needs both sign-offs in force and every critical item done or waived",
    'ok',
  )
  reopen(
    @Param('id', new SlugParam()) id: string,
    @Body() body: ReopeningDto,
    @Write() write: WriteExchange,
  ): Promise<WriteResult> {
    return this.act(id, { type: 'ReopenPortLanes', data: { portId: id, ...body } }, write);
  }

  /** Runs the command on the port's stream and answers with the write (see `written`). */
  private act(id: string, command: PortCommand, { request, response }: WriteExchange): Promise<WriteResult> {
    return written(response, this.commands.execute(new ActOnPort(id, command, request)), portLocation);
  }
}
