import { describe, expect, it } from '@jest/globals';
import {
  formFieldOf,
  parseDecimal,
  type ProblemWords,
  readReport,
  refusalProblems,
  type ReportInput,
} from './report-form';

const WORDS: ProblemWords = {
  titleMissing: 'Write a title',
  placeMissing: 'Describe the place',
  primaryPortMissing: 'Choose the port',
  noPortPoint: 'No point on record',
  coordinatePair: 'Both or neither',
  latitudeRange: 'Latitude -90 to 90',
  longitudeRange: 'Longitude -180 to 180',
  unNumber: 'Four digits',
  amount: 'A number of at least 0',
  refused: (label, message) => `${label}: ${message}`,
};

const PORTS = [
  { id: 'otay-mesa', location: { lat: 32.549, lon: -116.938 } },
  { id: 'tecate', location: { lat: 32.576, lon: -116.627 } },
  { id: 'san-luis-ii', location: null },
];

const INPUT: ReportInput = {
  kind: 'hazmat-release',
  severity: 'severe',
  title: { en: ' Chlorine leak ', es: '' },
  place: { en: '', es: 'Patio fiscal' },
  primaryPortId: 'otay-mesa',
  additionalPortIds: [],
  lat: '',
  lon: '',
  unNumber: '1017',
  materialName: '',
  knownMaterialName: 'Chlorine',
  amount: '',
  unit: 'kg',
};

const read = (changes: Partial<ReportInput>) => readReport({ ...INPUT, ...changes }, PORTS, WORDS);

describe('the report form', () => {
  it("places the incident at the primary port's point, the primary port first among the affected ones", () => {
    const { problems, body } = read({ additionalPortIds: ['tecate', 'otay-mesa', 'tecate'] });
    expect(problems.size).toBe(0);
    expect(body).toEqual({
      kind: 'hazmat-release',
      severity: 'severe',
      title: { en: 'Chlorine leak' },
      location: { lat: 32.549, lon: -116.938, description: { es: 'Patio fiscal' } },
      primaryPortId: 'otay-mesa',
      affectedPortIds: ['otay-mesa', 'tecate'],
      material: { name: 'Chlorine', unNumber: '1017' },
    });
  });

  it('takes typed coordinates (a decimal comma too) over the port point, and needs them for a crossing without one', () => {
    expect(read({ lat: '32,6', lon: '-116.9' }).body?.location).toEqual({
      lat: 32.6,
      lon: -116.9,
      description: { es: 'Patio fiscal' },
    });
    expect(read({ primaryPortId: 'san-luis-ii' }).problems.get('coordinates')).toEqual(['No point on record']);
    expect(read({ primaryPortId: 'san-luis-ii', lat: '32.48', lon: '-114.7' }).body?.location).toMatchObject({
      lat: 32.48,
      lon: -114.7,
    });
  });

  it('shows every problem at once, each under its field, in words', () => {
    const { problems, body } = read({
      title: { en: ' ', es: '' },
      place: { en: '', es: '' },
      primaryPortId: '',
      lat: '95',
      lon: 'west',
      unNumber: '10',
      amount: '-3',
    });
    expect(body).toBeUndefined();
    expect(Object.fromEntries(problems)).toEqual({
      title: ['Write a title'],
      primaryPort: ['Choose the port'],
      place: ['Describe the place'],
      coordinates: ['Latitude -90 to 90', 'Longitude -180 to 180'],
      unNumber: ['Four digits'],
      amount: ['A number of at least 0'],
    });
    expect(Object.fromEntries(read({ lat: '32.5' }).problems)).toEqual({ coordinates: ['Both or neither'] });
  });

  it('reads decimals as an officer types them, and nothing else', () => {
    expect(parseDecimal(' -116.94 ')).toBe(-116.94);
    expect(parseDecimal('32,5')).toBe(32.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBeNaN();
    expect(parseDecimal('')).toBeNaN();
  });
});

describe("the api's refusals on the report form", () => {
  const labels = {
    title: 'Title',
    primaryPort: 'Port where it happened',
    additionalPorts: 'Other affected ports',
    place: 'Location description',
    coordinates: 'Location',
    unNumber: 'UN number',
    materialName: 'Material name',
    amount: 'Quantity',
    unit: 'Unit',
  };

  it('puts each refused field under its own, named by its label in the chosen language, not by its raw path', () => {
    const refusal = {
      messages: { en: 'Invalid request', es: 'Solicitud no válida' },
      details: {
        fields: [
          {
            field: 'quantity.amount',
            message: { en: 'quantity.amount must not be less than 0', es: 'quantity.amount debe ser al menos 0' },
          },
          {
            field: 'location.lat',
            message: { en: 'location.lat must be a latitude', es: 'location.lat debe ser una latitud (−90 a 90)' },
          },
          {
            field: 'affectedPortIds.1',
            message: {
              en: 'affectedPortIds.1 must be a port id',
              es: 'affectedPortIds.1 no tiene el formato esperado',
            },
          },
        ],
      },
    };
    const { problems, rest } = refusalProblems(refusal, 'es', labels, WORDS);
    expect(rest).toBe(false);
    expect(Object.fromEntries(problems)).toEqual({
      amount: ['Quantity: debe ser al menos 0'],
      coordinates: ['Location: debe ser una latitud (−90 a 90)'],
      additionalPorts: ['Other affected ports: no tiene el formato esperado'],
    });
    for (const messages of problems.values()) {
      for (const message of messages) expect(message).not.toMatch(/quantity\.amount|location\.lat|affectedPortIds/);
    }
  });

  it('answers apart what names no field of the form', () => {
    const refusal = { messages: { en: 'Unknown port', es: 'Puerto desconocido' }, details: { portIds: ['x'] } };
    expect(refusalProblems(refusal, 'en', labels, WORDS)).toEqual({ problems: new Map(), rest: true });
    expect(refusalProblems(undefined, 'en', labels, WORDS)).toEqual({ problems: new Map(), rest: false });
    expect(formFieldOf('title.es')).toBe('title');
    expect(formFieldOf('location.description.en')).toBe('place');
    expect(formFieldOf('nonsense')).toBeUndefined();
  });
});
