import { describe, expect, it } from '@jest/globals';
import { fieldErrors, messagesOf } from './field-errors';

describe('fieldErrors', () => {
  it('gives each field its messages in the chosen language', () => {
    const errors = fieldErrors(
      {
        messages: { en: 'Invalid request', es: 'Solicitud no válida' },
        details: {
          fields: [
            { field: 'rate', message: { en: 'rate must not be greater than 120', es: 'rate no debe pasar de 120' } },
            { field: 'participants[1].username', message: { en: 'not an account', es: 'no es una cuenta' } },
            { field: 'participants.2.role', message: { en: 'bad role', es: 'papel no válido' } },
          ],
        },
      },
      'es',
    );
    expect(errors.get('rate')).toEqual(['rate no debe pasar de 120']);
    expect(messagesOf(errors, 'participants[1]')).toEqual(['no es una cuenta']);
    expect(messagesOf(errors, 'participants[0]')).toEqual([]);
    expect(messagesOf(errors, 'participants[2]')).toEqual(['papel no válido']);
  });

  it("takes a domain refusal's one field, named as the form names it", () => {
    const errors = fieldErrors(
      { messages: { en: 'title.es is missing', es: 'falta title.es' }, details: { field: 'plan.title.es' } },
      'en',
    );
    expect(messagesOf(errors, 'title')).toEqual(['title.es is missing']);
  });

  it('has nothing without an error', () => {
    expect(fieldErrors(undefined, 'en').size).toBe(0);
  });
});
