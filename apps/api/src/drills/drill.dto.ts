import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPROVEMENT_STATUSES,
  type ImprovementStatus,
  MAX_DRILL_RATE,
  MIN_DRILL_RATE,
  type BilingualText,
  type DrillParticipantRole,
} from '@enlace/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsBilingualText, OptionalField } from '../common/validation.js';
import { BilingualTextDto } from '../incidents/incident.dto.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const PARTICIPANT_ROLES: readonly DrillParticipantRole[] = ['player', 'evaluator', 'controller'];

export class DrillParticipantDto {
  @ApiProperty({
    example: 'officer.us',
    description: "An account of the directory; its side and agency are the account's",
  })
  @Matches(USERNAME, { message: 'username must be an account name such as officer.us' })
  username: string;

  @ApiProperty({ enum: PARTICIPANT_ROLES })
  @IsIn(PARTICIPANT_ROLES)
  role: DrillParticipantRole;
}

/** What every drill's plan gives: its title, start, compression and participants. */
export class DrillPlanFieldsDto {
  @ApiPropertyOptional({
    type: BilingualTextDto,
    description:
      "The drill's title in English and Spanish (both); default: the scenario's title, or 'Notification drill' and " +
      "the BLMs' names",
  })
  @OptionalField()
  @IsBilingualText(200)
  title?: BilingualText;

  @ApiPropertyOptional({
    description: "Scenario time zero (ISO 8601), the drill time its clock starts at; default: the planner's now",
  })
  @OptionalField()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiProperty({
    minimum: MIN_DRILL_RATE,
    maximum: MAX_DRILL_RATE,
    example: 60,
    description: 'Drill seconds per real second',
  })
  @IsInt()
  @Min(MIN_DRILL_RATE)
  @Max(MAX_DRILL_RATE)
  rate: number;

  @ApiProperty({ type: [DrillParticipantDto], minItems: 1, maxItems: 200 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DrillParticipantDto)
  participants: DrillParticipantDto[];
}

/** A drill from a scenario: one of the catalog's, or a planner's own sent whole. */
export class PlanDrillDto extends DrillPlanFieldsDto {
  @ApiPropertyOptional({
    example: 'laredo-chlorine-rail-bridge',
    description: 'A scenario of GET /api/scenarios; or give `scenario` instead',
  })
  @ValidateIf((body: PlanDrillDto) => body.scenario === undefined)
  @Matches(SLUG, { message: 'scenarioId must be an id such as laredo-chlorine-rail-bridge (or give scenario)' })
  scenarioId?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "A planner's own scenario, whole (as POST /api/scenarios/import answers it), checked like the scenario files",
  })
  @ValidateIf((body: PlanDrillDto) => body.scenario !== undefined)
  @IsObject({ message: 'scenario must be a scenario object, as POST /api/scenarios/import answers it' })
  scenario?: Record<string, unknown>;
}

/** A notification drill: one EXERCISE notification to every member agency of each BLM, sent when it starts. */
export class PlanNotificationDrillDto extends DrillPlanFieldsDto {
  @ApiProperty({
    type: [String],
    example: ['blm-nogales'],
    description:
      'The BLMs whose member agencies are sent the EXERCISE notification (GET /api/blms); ["all"] for every BLM',
    minItems: 1,
    maxItems: 50,
  })
  @IsArray({ message: 'blmIds must be a list of BLM ids' })
  @ArrayMinSize(1, { message: 'blmIds needs at least one BLM (or "all")' })
  @ArrayMaxSize(50)
  @Matches(SLUG, { each: true, message: 'blmIds must be BLM ids such as blm-nogales' })
  blmIds: string[];
}

export class DrillRateDto {
  @ApiProperty({ minimum: MIN_DRILL_RATE, maximum: MAX_DRILL_RATE, example: 120 })
  @IsInt()
  @Min(MIN_DRILL_RATE)
  @Max(MAX_DRILL_RATE)
  rate: number;
}

export class HaltDrillDto {
  @ApiProperty({ type: BilingualTextDto, description: 'The real-world emergency, in at least one language' })
  @IsBilingualText(500, { multiline: true })
  reason: BilingualText;
}

export class DrillObservationDto {
  @ApiProperty({ example: 'operational-coordination', description: 'An HSEEP core capability id' })
  @Matches(SLUG, { message: 'capability must be a core capability id such as operational-coordination' })
  @MaxLength(100)
  capability: string;

  @ApiPropertyOptional({ example: 'OBJ-1' })
  @OptionalField()
  @Matches(/^[A-Za-z0-9_.-]{1,50}$/, { message: 'objectiveId must be an objective id such as OBJ-1' })
  objectiveId?: string;

  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(4000, { multiline: true })
  text: BilingualText;
}

export class ImprovementOwnerDto {
  @ApiProperty({ enum: ['US', 'MX', 'EXCON'], description: 'The side that acts on it (EXCON: exercise control)' })
  @IsIn(['US', 'MX', 'EXCON'], { message: 'owner.side must be US, MX or EXCON' })
  side: 'US' | 'MX' | 'EXCON';

  @ApiProperty({ type: [String], example: ['CBP'], minItems: 1, maxItems: 20 })
  @IsArray({ message: 'owner.agencies must be a list of agency codes' })
  @ArrayMinSize(1, { message: 'owner.agencies needs at least one agency' })
  @ArrayMaxSize(20, { message: 'owner.agencies takes at most 20 agencies' })
  @Matches(/^[A-Z][A-Z0-9-]{1,19}$/, { each: true, message: 'owner.agencies must be agency codes such as CBP' })
  agencies: string[];
}

/** A planner's change to one item of a drill's improvement plan: only the fields given change. */
export class EditImprovementItemDto {
  @ApiPropertyOptional({ type: ImprovementOwnerDto })
  @OptionalField()
  @ValidateNested()
  @Type(() => ImprovementOwnerDto)
  owner?: ImprovementOwnerDto;

  @ApiPropertyOptional({ example: '2027-03-15', format: 'date' })
  @OptionalField()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date such as 2027-03-15' })
  dueDate?: string;

  @ApiPropertyOptional({ enum: IMPROVEMENT_STATUSES })
  @OptionalField()
  @IsIn(IMPROVEMENT_STATUSES, { message: `status must be one of ${IMPROVEMENT_STATUSES.join(', ')}` })
  status?: ImprovementStatus;

  @ApiPropertyOptional({ type: BilingualTextDto })
  @OptionalField()
  @IsBilingualText(2000, { multiline: true })
  text?: BilingualText;
}
