import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INCIDENT_KINDS,
  type IncidentKind,
  LANGUAGES,
  type Language,
  PROTECTIVE_ACTION_KINDS,
  type ProtectiveActionKind,
  SEVERITIES,
  type Severity,
  SIDES,
  type Side,
  type BilingualText,
  type TranslatableIncidentField,
  UPDATABLE_INCIDENT_FIELDS,
  type UpdateStartingValues,
} from '@enlace/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { IsHumanText } from '../common/human-text.validation.js';
import { IsBilingualText, NestedObject, OptionalField } from '../common/validation.js';

const HUMAN_TEXT =
  'At least one visible character; no bidirectional override (U+202A–U+202E, U+2066–U+2069) or control ' +
  'character (line breaks and tabs only in long texts: reports, reasons, notes, instructions, bodies).';

export class BilingualTextDto {
  @ApiPropertyOptional({ example: 'Chlorine release at the commercial lot', description: HUMAN_TEXT })
  en?: string;
  @ApiPropertyOptional({ example: 'Fuga de cloro en el patio comercial', description: HUMAN_TEXT })
  es?: string;
}

export class MaterialDto {
  @ApiPropertyOptional({ example: '1017', description: 'UN/NA number, 4 digits' })
  @OptionalField()
  @Matches(/^\d{4}$/, { message: 'unNumber must be 4 digits' })
  unNumber?: string;

  @ApiProperty({ example: 'Chlorine' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsHumanText()
  name: string;

  @ApiPropertyOptional({ example: '2.3' })
  @OptionalField()
  @Matches(/^[1-9](\.[1-6])?$/, { message: 'hazardClass must be a hazard class such as 3 or 2.3' })
  hazardClass?: string;

  @ApiPropertyOptional({ example: '124', description: 'ERG guide 111–174, optional P suffix' })
  @OptionalField()
  @Matches(/^1(1[1-9]|[2-6]\d|7[0-4])P?$/, { message: 'ergGuide must be a guide from 111 to 174 (optional P)' })
  ergGuide?: string;
}

export class QuantityDto {
  @ApiProperty({ example: 900 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  amount: number;

  @ApiProperty({ example: 'kg', enum: ['kg', 't', 'lb', 'L', 'm3', 'gal'] })
  @IsIn(['kg', 't', 'lb', 'L', 'm3', 'gal'])
  unit: string;
}

export class PointDto {
  @ApiProperty({ example: 32.549 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: -116.938 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lon: number;
}

export class LocationDto extends PointDto {
  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(500)
  description: BilingualText;
}

export class CasualtiesDto {
  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  injured: number;

  @ApiProperty({ example: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000)
  fatalities: number;
}

const PORT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class ReportIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS })
  @IsIn(INCIDENT_KINDS)
  kind: IncidentKind;

  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(200)
  title: BilingualText;

  @ApiProperty({ enum: SEVERITIES, description: 'CAP 1.2 severity' })
  @IsIn(SEVERITIES)
  severity: Severity;

  @ApiPropertyOptional({ type: MaterialDto })
  @OptionalField()
  @NestedObject(() => MaterialDto)
  material?: MaterialDto;

  @ApiPropertyOptional({ type: QuantityDto })
  @OptionalField()
  @NestedObject(() => QuantityDto)
  quantity?: QuantityDto;

  @ApiProperty({ type: LocationDto })
  @IsDefined()
  @NestedObject(() => LocationDto)
  location: LocationDto;

  @ApiPropertyOptional({ type: [String], example: ['otay-mesa'] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(PORT_ID, { each: true, message: 'each affectedPortIds entry must be a port id such as otay-mesa' })
  affectedPortIds?: string[];

  @ApiPropertyOptional({
    example: 'otay-mesa',
    description:
      'The port the incident is at (listed first among the affected ports); the other affectedPortIds are additional ports it affects',
  })
  @OptionalField()
  @Matches(PORT_ID, { message: 'primaryPortId must be a port id such as otay-mesa' })
  primaryPortId?: string;

  @ApiPropertyOptional({ example: 'scp-sandiego-tijuana' })
  @OptionalField()
  @Matches(PORT_ID, { message: 'sisterCityPlanId must be an id such as scp-sandiego-tijuana' })
  sisterCityPlanId?: string;

  @ApiPropertyOptional({ type: CasualtiesDto })
  @OptionalField()
  @NestedObject(() => CasualtiesDto)
  casualties?: CasualtiesDto;

  @ApiPropertyOptional({ description: 'When the release was observed (ISO 8601); defaults to now' })
  @OptionalField()
  @IsISO8601({ strict: true })
  observedAt?: string;
}

export class UpdateIncidentDto {
  @ApiPropertyOptional({ type: BilingualTextDto })
  @OptionalField()
  @IsBilingualText(200)
  title?: BilingualText;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @OptionalField()
  @IsIn(SEVERITIES)
  severity?: Severity;

  @ApiPropertyOptional({ type: MaterialDto })
  @OptionalField()
  @NestedObject(() => MaterialDto)
  material?: MaterialDto;

  @ApiPropertyOptional({ type: QuantityDto })
  @OptionalField()
  @NestedObject(() => QuantityDto)
  quantity?: QuantityDto;

  @ApiPropertyOptional({ type: LocationDto })
  @OptionalField()
  @NestedObject(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ type: [String] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(PORT_ID, { each: true, message: 'each affectedPortIds entry must be a port id such as otay-mesa' })
  affectedPortIds?: string[];

  @ApiPropertyOptional()
  @OptionalField()
  @Matches(PORT_ID, { message: 'sisterCityPlanId must be an id such as scp-sandiego-tijuana' })
  sisterCityPlanId?: string;

  @ApiPropertyOptional({ type: CasualtiesDto })
  @OptionalField()
  @NestedObject(() => CasualtiesDto)
  casualties?: CasualtiesDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Per changed field, the value the form started from (null: it had none). Without If-Match the update is ' +
      'decided on the latest state: refused (409 INCIDENT.UPDATE_CONFLICT, with each conflicting field and both ' +
      'values) only when one of these fields was changed since by someone else',
    example: { severity: 'moderate' },
  })
  @OptionalField()
  @IsObject()
  @OnlyUpdatableFields()
  startedFrom?: UpdateStartingValues;
}

/** The keys of `startedFrom` must be fields an update changes. */
function OnlyUpdatableFields(): PropertyDecorator {
  const allowed: readonly string[] = UPDATABLE_INCIDENT_FIELDS;
  return ValidateBy({
    name: 'updatableFields',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'object' || value === null || Object.keys(value).every((key) => allowed.includes(key)),
      defaultMessage: () => `startedFrom may only name the fields an update changes: ${allowed.join(', ')}`,
    },
  });
}

export class OrderProtectiveActionDto {
  @ApiProperty({ enum: PROTECTIVE_ACTION_KINDS })
  @IsIn(PROTECTIVE_ACTION_KINDS)
  kind: ProtectiveActionKind;

  @ApiProperty({ type: PointDto })
  @IsDefined()
  @NestedObject(() => PointDto)
  center: PointDto;

  @ApiProperty({ example: 800 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  radiusMeters: number;

  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(2000, { multiline: true })
  instructions: BilingualText;
}

export class SummaryDto {
  @ApiProperty({ type: BilingualTextDto })
  @IsBilingualText(4000, { multiline: true })
  summary: BilingualText;
}

export class JcpStepDto {
  @ApiPropertyOptional({
    description: 'The number the national centre gave the report: the NRC report number, the CENACOM folio',
    example: '1380012',
  })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  @IsHumanText()
  reportNumber?: string;

  @ApiPropertyOptional({
    description:
      'When the step was actually done, if it is recorded after the fact (ISO 8601): not in the future, not before ' +
      'the incident was observed. When it was recorded is kept too (the event’s recordedAt)',
    example: '2026-11-23T17:40:00Z',
  })
  @OptionalField()
  @IsISO8601({ strict: true })
  occurredAt?: string;

  @ApiPropertyOptional({ deprecated: true, description: 'The former name of reportNumber (still accepted)' })
  @OptionalField()
  @IsString()
  @MaxLength(100)
  @IsHumanText()
  reference?: string;
}

export class AssignOnSceneCoordinatorDto {
  @ApiProperty({ enum: SIDES })
  @IsIn(SIDES)
  side: Side;

  @ApiProperty({ example: 'R. Salinas' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsHumanText()
  name: string;

  @ApiProperty({ example: 'EPA' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsHumanText()
  agency: string;

  @ApiPropertyOptional({ example: '+1 619 555 0100' })
  @OptionalField()
  @Matches(/^\+?[0-9 ().-]{5,30}$/, { message: 'phone must be a phone number' })
  phone?: string;
}

/** Translations of these keep to one line, like the texts they translate. */
const SINGLE_LINE_FIELDS: readonly string[] = ['title', 'location.description'];

/**
 * A translation keeps the length limit of the text it translates (ReportIncidentDto, LocationDto, SummaryDto, a
 * protective action's instructions).
 */
const TRANSLATION_MAX_LENGTH: Readonly<Record<string, number>> = { title: 200, 'location.description': 500 };
export const translationMaxLength = (field: string): number =>
  TRANSLATION_MAX_LENGTH[field] ?? (field.startsWith('protectiveAction:') ? 2000 : 4000);

function FitsTranslatedField(): PropertyDecorator {
  const limit = (args: ValidationArguments) => translationMaxLength(String((args.object as { field?: unknown }).field));
  return ValidateBy({
    name: 'translationLength',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'string' || value.length <= limit(args!),
      defaultMessage: (args?: ValidationArguments) =>
        `text must be at most ${limit(args!)} characters, as long as the ${String((args!.object as { field?: unknown }).field)} it translates may be`,
    },
  });
}

export class TranslateIncidentTextDto {
  @ApiProperty({
    type: String,
    example: 'title',
    description: 'title | location.description | closingSummary | situationReport:<id> | protectiveAction:<id>',
  })
  @Matches(/^(title|location\.description|closingSummary|(situationReport|protectiveAction):[0-9a-f-]{36})$/, {
    message: 'field must be title, location.description, closingSummary, situationReport:<id> or protectiveAction:<id>',
  })
  field: TranslatableIncidentField;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language: Language;

  @ApiProperty({
    description:
      'Line breaks are allowed except in title and location.description; at most as long as the text translated ' +
      '(title 200, location.description 500, protective-action instructions 2000, others 4000 characters)',
    maxLength: 4000,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  @FitsTranslatedField()
  @IsHumanText({ multiline: (dto) => !SINGLE_LINE_FIELDS.includes((dto as TranslateIncidentTextDto).field) })
  text: string;
}
