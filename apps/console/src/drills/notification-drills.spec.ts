import { describe, expect, it } from '@jest/globals';
import { minutesText, notificationDrillBody, toggled, yearChoices } from './notification-drills';

const FORM = {
  allBlms: false,
  blmIds: ['blm-nogales'],
  title: { en: '', es: '' },
  startsAt: undefined,
  rate: '120',
  participants: [{ username: ' officer.us ', role: 'player' as const }],
};

describe('notificationDrillBody', () => {
  it('sends the BLMs ticked, the compression as a number and the participants trimmed; no title nor start when empty', () => {
    expect(notificationDrillBody(FORM)).toEqual({
      blmIds: ['blm-nogales'],
      rate: 120,
      participants: [{ username: 'officer.us', role: 'player' }],
    });
  });

  it('sends ["all"] for every BLM, whatever was ticked', () => {
    expect(notificationDrillBody({ ...FORM, allBlms: true }).blmIds).toEqual(['all']);
  });

  it('sends the title once either language is written (the api asks for both), and the start when given', () => {
    const body = notificationDrillBody({
      ...FORM,
      title: { en: ' Spring drill ', es: '' },
      startsAt: '2026-04-01T15:00:00.000Z',
    });
    expect(body.title).toEqual({ en: 'Spring drill', es: '' });
    expect(body.startsAt).toBe('2026-04-01T15:00:00.000Z');
  });

  it('sends an empty compression as null, for the api to name the field', () => {
    expect(notificationDrillBody({ ...FORM, rate: ' ' }).rate).toBeNull();
  });
});

describe('minutesText', () => {
  it('shows one decimal at most, in the language’s format', () => {
    expect(minutesText(1.25, 'en')).toBe('1.3');
    expect(minutesText(12, 'es')).toBe('12');
    expect(minutesText(1234.5, 'en')).toBe('1,234.5');
  });
});

describe('yearChoices', () => {
  it('offers this year and the five before it, newest first', () => {
    expect(yearChoices(2026, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });

  it('adds the chosen year when it is not among them', () => {
    expect(yearChoices(2026, 2010)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2010]);
    expect(yearChoices(2026, 2027)[0]).toBe(2027);
  });
});

describe('toggled', () => {
  it('adds or removes one BLM and keeps the checklist’s order', () => {
    const order = ['a', 'b', 'c'];
    expect(toggled(order, ['c'], 'a')).toEqual(['a', 'c']);
    expect(toggled(order, ['a', 'c'], 'a')).toEqual(['c']);
  });
});
