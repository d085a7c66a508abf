import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type BilingualText,
  CHECKLIST_AGENCIES,
  DIRECTIONS,
  LANE_MODES,
  type LaneId,
  type Owner,
  SHUTDOWN_KINDS,
  type ShutdownKind,
  SIDES,
  type Side,
} from '@enlace/domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsUUID, Matches } from 'class-validator';
import { IsBilingualText, OptionalField } from '../common/validation.js';
import { BilingualTextDto } from '../incidents/incident.dto.js';

const LANE_ID = new RegExp(`^(${LANE_MODES.join('|')}):(${DIRECTIONS.join('|')})$`);
const LANE_MESSAGE = `each lane must be <mode>:<direction>, mode one of ${LANE_MODES.join(', ')}, direction northbound or southbound`;
const OWNERS: Owner[] = [...SIDES, 'JOINT'];
const AGENCIES = [...new Set(Object.values(CHECKLIST_AGENCIES).flat())];

/** Lanes of a request: `<mode>:<direction>`; each side acts only on its own (northbound U.S., southbound Mexico). */
function Lanes(): PropertyDecorator {
  return (target, property) => {
    OptionalField()(target, property);
    IsArray()(target, property);
    ArrayMaxSize(20)(target, property);
    Matches(LANE_ID, { each: true, message: LANE_MESSAGE })(target, property);
  };
}

export class DeclareShutdownDto {
  @ApiProperty({ enum: SHUTDOWN_KINDS, description: 'Chooses the business-resumption checklist template' })
  @IsIn(SHUTDOWN_KINDS)
  kind: ShutdownKind;

  @ApiPropertyOptional({
    type: [String],
    example: ['commercial:northbound', 'fast:northbound'],
    description: "Lanes of the officer's own side (northbound: U.S., southbound: Mexico); omitted: all of them",
  })
  @Lanes()
  lanes?: LaneId[];

  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(2000, { multiline: true })
  reason: BilingualText;

  @ApiPropertyOptional({ description: 'The incident that caused the shutdown' })
  @OptionalField()
  @IsUUID()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  incidentId?: string;
}

/** Widening or joining a shutdown in progress: more lanes of the officer's side close. */
export class CloseLanesDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['passenger:southbound'],
    description: "Lanes of the officer's own side to close now; omitted: every one of them still open",
  })
  @Lanes()
  lanes?: LaneId[];

  @ApiProperty({ type: BilingualTextDto, description: 'Why (e.g. the plume moved)' })
  @IsBilingualText(2000, { multiline: true })
  reason: BilingualText;
}

export class ChecklistNoteDto {
  @ApiPropertyOptional({ type: BilingualTextDto })
  @OptionalField()
  @IsBilingualText(2000, { multiline: true })
  note?: BilingualText;
}

export class WaiverDto {
  @ApiProperty({ type: BilingualTextDto, description: 'Why the item is waived (required)' })
  @IsBilingualText(2000, { multiline: true })
  reason: BilingualText;
}

export class ItemReopeningDto {
  @ApiProperty({
    type: BilingualTextDto,
    description: 'Why the completion or waiver no longer holds (e.g. a new reading over the threshold)',
  })
  @IsBilingualText(2000, { multiline: true })
  reason: BilingualText;
}

export class NewChecklistItemDto {
  @ApiProperty({ enum: OWNERS, description: "The officer's own side, or JOINT" })
  @IsIn(OWNERS)
  owner: Owner;

  @ApiProperty({
    enum: AGENCIES,
    description: `The lead agency, one of the owner's: ${Object.entries(CHECKLIST_AGENCIES)
      .map(([owner, codes]) => `${owner} ${codes.join(', ')}`)
      .join('; ')}`,
  })
  @IsIn(AGENCIES)
  agency: string;

  @ApiProperty({ description: 'Critical items block sign-offs of their side and every reopening until resolved' })
  @IsBoolean()
  critical: boolean;

  @ApiProperty({ type: BilingualTextDto, description: 'In English and Spanish (both sides read the checklist)' })
  @IsBilingualText(1000)
  text: BilingualText;
}

export class SignOffDto {
  @ApiProperty({ enum: SIDES, description: "Must be the officer's own side" })
  @IsIn(SIDES)
  side: Side;
}

export class ReopeningDto {
  @ApiPropertyOptional({
    type: [String],
    description: "Lanes of the officer's own side to reopen in this phase; omitted: all of them still closed",
  })
  @Lanes()
  lanes?: LaneId[];
}
