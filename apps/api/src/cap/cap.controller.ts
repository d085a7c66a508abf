import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  CAP_MEDIA_TYPE,
  type CapOptions,
  foldNotification,
  incidentAlert,
  incidentSubject,
  notificationAlert,
  type NotificationCapOptions,
  notificationVersions,
} from '@enlace/cap';
import { EnvironmentVariables } from '@enlace/config';
import {
  incidentStreamId,
  noSuchIncident,
  notFound,
  notificationStreamId,
  type ReferenceCatalog,
  streamInWorld,
  type World,
} from '@enlace/domain';
import { collect, comparePositions, EVENT_STORE, type EventStore } from '@enlace/event-store';
import { REFERENCE_CATALOG } from '@enlace/reference-data';
import type { Response } from 'express';
import { UuidParam } from '../common/params.js';
import { recordedStream } from '../common/streams.js';
import { AcceptsDrillHeader, CurrentWorld } from '../common/world.js';

const SENDER_NAME = {
  en: 'Enlace – U.S.–Mexico border emergency coordination',
  es: 'Enlace – coordinación de emergencias en la frontera México–EE. UU.',
};

const CAP_CONTENT_TYPE = `${CAP_MEDIA_TYPE}; charset=utf-8`;

const CAP_DESCRIPTION =
  'A CAP 1.2 <alert> (urn:oasis:names:tc:emergency:cap:1.2), scope Restricted, one <info> in en-US and one in ' +
  'es-MX; status Exercise for drills';

/** OASIS CAP 1.2 export of incidents and BLM notifications, for alerting systems (IPAWS-style consumers). */
@ApiTags('cap')
@ApiBearerAuth()
@AcceptsDrillHeader()
@Controller()
export class CapController {
  /** The CAP `sender` (CAP_SENDER) and sender name of every exported alert. */
  private readonly options: CapOptions;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REFERENCE_CATALOG) private readonly reference: ReferenceCatalog,
    env: EnvironmentVariables,
  ) {
    this.options = { sender: env.CAP_SENDER, senderName: SENDER_NAME };
  }

  @Get('incidents/:id/cap')
  @ApiOperation({
    summary:
      'The incident as a CAP 1.2 alert: Alert at revision 0, then Update referencing every earlier version; ' +
      'a closed incident is an all-clear Update',
  })
  @ApiProduces(CAP_MEDIA_TYPE)
  @ApiOkResponse({ description: CAP_DESCRIPTION, schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such incident' })
  async incident(
    @Param('id', new UuidParam()) id: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<string> {
    const events = await recordedStream(this.store, world, incidentStreamId(id), noSuchIncident);
    const xml = incidentAlert(events, this.options);
    response.setHeader('Content-Type', CAP_CONTENT_TYPE);
    return xml;
  }

  @Get('notifications/:id/cap')
  @ApiOperation({
    summary:
      'The BLM notification as a CAP 1.2 alert: Alert when issued, Update after an update, Cancel when cancelled ' +
      '(acknowledgments make no new version); area and categories from the subject incident when there is one',
  })
  @ApiProduces(CAP_MEDIA_TYPE)
  @ApiOkResponse({ description: CAP_DESCRIPTION, schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such notification' })
  async notification(
    @Param('id', new UuidParam()) id: string,
    @Res({ passthrough: true }) response: Response,
    @CurrentWorld() world: World,
  ): Promise<string> {
    const events = await recordedStream(this.store, world, notificationStreamId(id), () =>
      notFound('NOTIFICATION.NOT_FOUND', 'Notification not found', 'Notificación no encontrada'),
    );
    const { blmId, subject } = foldNotification(events);
    const options: NotificationCapOptions = { ...this.options };
    const blm = this.reference.blm(blmId);
    if (blm) options.blmName = blm.name;
    const version = notificationVersions(events).at(-1);
    if (subject.incidentId && version) {
      // The incident as it stood when this alert version was made, so one identifier always means one document.
      const incidentEvents = (
        await collect(this.store.readStream(streamInWorld(world, incidentStreamId(subject.incidentId))))
      ).filter((event) => comparePositions(event.position, version.position) <= 0);
      if (incidentEvents[0]?.type === 'IncidentReported') Object.assign(options, incidentSubject(incidentEvents));
    }
    const xml = notificationAlert(events, options);
    response.setHeader('Content-Type', CAP_CONTENT_TYPE);
    return xml;
  }
}
