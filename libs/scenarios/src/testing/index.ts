/**
 * A small scenario every rule accepts, on the domain's test catalog (Otay Mesa, chlorine, the hazmat template):
 * specs break one field of a copy to see it refused. Raw data, as a YAML file or a spreadsheet would give it.
 */
export function validScenarioData(): Record<string, unknown> {
  return structuredClone(VALID_SCENARIO);
}

const VALID_SCENARIO = {
  id: 'otay-chlorine-tabletop',
  title: { en: 'Chlorine cylinder leak at Otay Mesa', es: 'Fuga de un cilindro de cloro en Mesa de Otay' },
  narrative: {
    en: 'A one-ton chlorine cylinder leaks on a truck in the northbound commercial queue.',
    es: 'Un cilindro de cloro de una tonelada fuga en un camión de la fila comercial hacia el norte.',
  },
  portId: 'otay-mesa',
  blmId: 'blm-sandiego-tijuana',
  sisterCityPlanId: 'scp-sandiego-tijuana',
  hazard: { unNumber: '1017', ergGuide: '124' },
  shutdownKind: 'hazmat-release',
  timeZone: 'America/Tijuana',
  objectives: [
    {
      id: 'OBJ-1',
      text: { en: 'Notify the NRC promptly', es: 'Notificar al NRC con prontitud' },
      capability: 'operational-communications',
      measure: {
        text: { en: 'NRC notified within 15 min of the report', es: 'NRC notificado dentro de 15 min del reporte' },
        from: { event: 'IncidentReported' },
        to: { event: 'NationalCenterNotified', side: 'US' },
        target: 'PT15M',
      },
    },
    {
      id: 'OBJ-2',
      text: { en: 'Declare the scene safe before reopening', es: 'Declarar segura la escena antes de reabrir' },
      capability: 'environmental-response-health-and-safety',
      measure: {
        text: { en: 'Scene safe before the port reopens', es: 'Escena segura antes de reabrir el puerto' },
        from: { event: 'ChecklistItemCompleted', itemId: 'scene-declared-safe' },
        to: { event: 'PortReopened' },
        target: 240,
      },
    },
  ],
  players: [
    { role: 'officer', side: 'US', agency: 'CBP' },
    { role: 'officer', side: 'MX', agency: 'ANAM' },
  ],
  injects: [
    {
      id: 'OTM-01',
      offset: 'PT0M',
      synopsis: { en: 'Driver reports a hissing cylinder', es: 'El chofer reporta un cilindro que silba' },
      delivery: 'radio',
      from: 'FIRE-US',
      to: [{ role: 'officer', side: 'US' }],
      commands: [
        {
          type: 'ReportIncident',
          incident: 'chlorine-leak',
          data: {
            kind: 'hazmat-release',
            title: { en: 'Chlorine leak, commercial lanes', es: 'Fuga de cloro, carriles comerciales' },
            severity: 'severe',
            material: { unNumber: '1017', name: 'Chlorine', ergGuide: '124' },
            location: {
              lat: 32.55,
              lon: -116.94,
              description: { en: 'Northbound commercial queue', es: 'Fila comercial hacia el norte' },
            },
            affectedPortIds: ['otay-mesa'],
          },
        },
      ],
      message: {
        en: '=HYPERLINK("x") - a text that starts like a formula',
        es: '+ un texto que empieza como una fórmula',
      },
      expectedAction: {
        text: { en: 'Call the NRC', es: 'Llamar al NRC' },
        evidence: { event: 'NationalCenterNotified', side: 'US' },
        within: 15,
      },
      objectiveId: 'OBJ-1',
      capability: 'operational-communications',
      controllerNotes: { en: '@controller: play the driver', es: "'Controlador: interprete al chofer" },
    },
    {
      id: 'OTM-02',
      offset: 'PT5M',
      synopsis: { en: 'Air reading near the booths', es: 'Lectura del aire cerca de las casetas' },
      delivery: 'system',
      from: 'EPA',
      to: [{ side: 'US' }, { side: 'MX' }],
      commands: [
        {
          type: 'FileSituationReport',
          incident: 'chlorine-leak',
          data: { summary: { en: 'Chlorine 3 ppm at 100 m', es: 'Cloro 3 ppm a 100 m' } },
        },
      ],
      objectiveId: 'OBJ-2',
      capability: 'environmental-response-health-and-safety',
    },
    {
      id: 'OTM-03',
      offset: 'PT20M',
      synopsis: { en: 'NRC calls asking for the report', es: 'El NRC llama pidiendo el reporte' },
      delivery: 'phone',
      from: 'NRC',
      to: [{ role: 'officer', side: 'US', agency: 'CBP' }],
      message: {
        en: 'This is the NRC: has anyone reported this release?',
        es: 'Habla el NRC: ¿alguien reportó esta liberación?',
      },
      objectiveId: 'OBJ-1',
      capability: 'operational-communications',
      contingencyFor: 'OTM-01',
    },
  ],
};
