import { brokenTextRules } from '@enlace/domain';
import { IsArray, IsInt, IsISO8601, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { OrderProtectiveActionDto, ReportIncidentDto, TranslateIncidentTextDto } from '../incidents/incident.dto.js';
import { DeclareShutdownDto } from '../ports/port.dto.js';
import { OptionalField } from '../common/validation.js';
import { bilingualTextSchema, dtoSchema, humanTextPattern, validatedClasses } from './validation-schema.js';

class ProbeDto {
  @IsUUID()
  id: string;

  @OptionalField()
  @IsInt()
  @Min(1)
  @Max(10)
  count?: number;

  @OptionalField()
  @IsISO8601({ strict: true })
  at?: string;

  @IsString()
  @MaxLength(5)
  @Matches(/^[a-z]+$/, { each: false })
  word: string;

  @IsArray()
  @Matches(/^\d{4}$/, { each: true })
  codes: string[];
}

const rulesOf = (name: string) => validatedClasses().get(name) ?? [];
const aString: unknown = expect.any(String);
const anArray: unknown = expect.any(Array);
const shaped = (shape: object): unknown => expect.objectContaining(shape);

describe('class-validator rules as schema keywords', () => {
  it('turns each rule into its keyword, required from the absence of a condition, and closes the object', () => {
    expect(dtoSchema({ type: 'object', properties: {} }, rulesOf(ProbeDto.name))).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        count: { type: 'integer', minimum: 1, maximum: 10 },
        at: { type: 'string', format: 'date-time' },
        word: { type: 'string', maxLength: 5, pattern: '^[a-z]+$' },
        codes: { type: 'array', items: { type: 'string', pattern: '^\\d{4}$' } },
      },
      required: ['id', 'word', 'codes'],
      additionalProperties: false,
    });
  });

  it('keeps what @ApiProperty said where the rules say nothing, and the items of an array of patterns', () => {
    const schema = dtoSchema(
      {
        type: 'object',
        properties: { codes: { type: 'array', items: { type: 'string' } }, gone: { type: 'string' } },
      },
      rulesOf(ProbeDto.name),
    );
    expect(schema.properties!.codes).toEqual({ type: 'array', items: { type: 'string', pattern: '^\\d{4}$' } });
    // A property with no rule is refused by the pipe (forbidNonWhitelisted): it is not in the schema.
    expect(schema.properties!.gone).toBeUndefined();
  });

  it('describes a real body: bilingual texts, nested objects, enums, optional fields', () => {
    const schema = dtoSchema(
      {
        type: 'object',
        properties: {
          location: { $ref: '#/components/schemas/LocationDto' },
          title: { $ref: '#/components/schemas/BilingualTextDto' },
        },
      },
      rulesOf(ReportIncidentDto.name),
    );
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'title', 'severity', 'location']));
    expect(schema.required).not.toContain('material');
    expect(schema.required).not.toContain('observedAt');
    expect(schema.properties!.location).toEqual({ $ref: '#/components/schemas/LocationDto' });
    expect(schema.properties!.title).toEqual(bilingualTextSchema(200, false));
    expect(schema.properties!.observedAt).toEqual({ type: 'string', format: 'date-time' });
    expect(schema.properties!.kind).toEqual(shaped({ type: 'string', enum: anArray }));
    expect(schema.properties!.affectedPortIds).toEqual(
      shaped({
        type: 'array',
        maxItems: 20,
        items: shaped({ pattern: aString }),
      }),
    );
    const action = dtoSchema({ type: 'object', properties: {} }, rulesOf(OrderProtectiveActionDto.name));
    expect(action.properties!.radiusMeters).toEqual({ type: 'integer', minimum: 1, maximum: 100_000 });
    expect(action.properties!.instructions).toEqual(bilingualTextSchema(2000, true));
  });

  it('gives the translated field as a string with its pattern, not an object', () => {
    const schema = dtoSchema({ type: 'object', properties: {} }, rulesOf(TranslateIncidentTextDto.name));
    expect(schema.properties!.field).toEqual(shaped({ type: 'string', pattern: aString }));
    const pattern = new RegExp((schema.properties!.field as { pattern: string }).pattern);
    expect(pattern.test('location.description')).toBe(true);
    expect(pattern.test('summary')).toBe(false);
  });

  it('knows the shutdown body', () => {
    const schema = dtoSchema({ type: 'object', properties: {} }, rulesOf(DeclareShutdownDto.name));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'reason']));
  });
});

describe('the human-text pattern', () => {
  const samples = [
    'Chlorine release',
    'Fuga de cloro: ¡evacúen!',
    '   ',
    '\u200B\u200B',
    '\u3164',
    'abc\u202Edef',
    'line\nbreak',
    'tab\there',
    'bell\u0007',
    'sep\u2028arator',
    '42',
  ];

  it.each([false, true])('accepts exactly what the domain accepts (multiline %s)', (multiline) => {
    const pattern = new RegExp(humanTextPattern(multiline), 'u');
    for (const text of samples) {
      expect({ text, accepted: pattern.test(text) }).toEqual({
        text,
        accepted: brokenTextRules(text, { multiline }).length === 0,
      });
    }
  });
});
