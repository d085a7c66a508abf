import type { ReferenceCatalog } from '@enlace/domain';
import { broken } from '@enlace/domain';
import {
  type Scenario,
  scenarioFromCsv,
  scenarioFromXlsx,
  scenarioFromSheets,
  scenarioToSheets,
  ScenarioValidationError,
} from '@enlace/scenarios';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The spreadsheets a scenario may be uploaded as. */
export const SCENARIO_UPLOAD_TYPES = ['text/csv', XLSX_TYPE] as const;

/** Every problem of an uploaded or inline scenario, each naming file, row and column or inject and field, en and es. */
function invalid(error: ScenarioValidationError) {
  return broken(
    'SCENARIO.INVALID',
    `The scenario has ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}: ${error.problems[0]?.message.en ?? ''}`,
    `El escenario tiene ${error.problems.length} problema${error.problems.length === 1 ? '' : 's'}: ${error.problems[0]?.message.es ?? ''}`,
    { problems: error.problems },
  );
}

async function checked(read: () => Scenario | Promise<Scenario>): Promise<Scenario> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ScenarioValidationError) throw invalid(error);
    throw error;
  }
}

/** A scenario from an uploaded spreadsheet (CSV or XLSX), checked like the files of config/scenarios. */
export function scenarioFromUpload(
  contentType: string | undefined,
  body: unknown,
  file: string,
  reference: ReferenceCatalog,
): Promise<Scenario> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!Buffer.isBuffer(body) || body.length === 0 || !(SCENARIO_UPLOAD_TYPES as readonly string[]).includes(type)) {
    throw broken(
      'SCENARIO.UPLOAD',
      `Send the scenario as the request's body, with Content-Type text/csv or ${XLSX_TYPE}`,
      `Envíe el escenario como cuerpo de la solicitud, con Content-Type text/csv o ${XLSX_TYPE}`,
      { field: 'body' },
    );
  }
  return checked(async () => {
    try {
      return type === 'text/csv'
        ? scenarioFromCsv(body.toString('utf8'), file, reference)
        : await scenarioFromXlsx(body, file, reference);
    } catch (error) {
      if (error instanceof ScenarioValidationError) throw error;
      // A file the spreadsheet reader chokes on is the uploader's to fix, not a fault of the server.
      throw broken(
        'SCENARIO.UPLOAD',
        `${file} could not be read as a scenario spreadsheet`,
        `${file} no se pudo leer como hoja de cálculo de escenario`,
        { field: 'body' },
      );
    }
  });
}

/**
 * A scenario given whole in a request, as POST /api/scenarios/import answers it: written back to the spreadsheet's
 * form and read like an upload, so it meets every check a scenario file does. Anything that is not shaped like a
 * scenario at all is refused naming the field.
 */
export function scenarioFromRequest(given: Record<string, unknown>, reference: ReferenceCatalog): Promise<Scenario> {
  return checked(() => {
    let sheets: ReturnType<typeof scenarioToSheets>;
    try {
      sheets = scenarioToSheets(given as unknown as Scenario);
    } catch {
      throw new ScenarioValidationError([
        {
          file: 'request',
          field: 'scenario',
          path: ['scenario'],
          rule: 'shape',
          message: {
            en: 'scenario is not a scenario as POST /api/scenarios/import answers it',
            es: 'scenario no es un escenario como el que responde POST /api/scenarios/import',
          },
        },
      ]);
    }
    return scenarioFromSheets(sheets, 'request', reference);
  });
}
