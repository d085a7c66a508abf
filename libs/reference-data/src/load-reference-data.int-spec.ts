import { mkdtemp, cp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidReferenceDataError, loadReferenceCatalog, loadReferenceData } from './load-reference-data.js';

const configDir = join(process.cwd(), 'config');

describe('the reference data shipped in config/', () => {
  const catalog = loadReferenceCatalog(configDir);

  it('holds every port of entry with lanes by mode and direction, and its time zones', () => {
    expect(catalog.ports()).toHaveLength(53);
    const otay = catalog.port('otay-mesa')!;
    expect(otay.name).toEqual({
      us: 'Otay Mesa (passenger + commercial)',
      mx: 'Tijuana – Mesa de Otay (Garita de Otay)',
    });
    expect(otay.lanes.map((lane) => lane.id)).toContain('commercial:southbound');
    expect(otay.lanes.map((lane) => lane.id)).toContain('fast:northbound');
    expect(otay.lanes.map((lane) => lane.id)).not.toContain('fast:southbound');
    expect(otay.timeZones).toEqual({ us: 'America/Los_Angeles', mx: 'America/Tijuana' });
    expect(catalog.port('el-paso-bota')!.timeZones.us).toBe('America/Denver');
    expect(catalog.port('nogales-mariposa')!.timeZones).toEqual({ us: 'America/Phoenix', mx: 'America/Hermosillo' });
    expect(catalog.ports().filter((port) => port.location === null)).toEqual([]);
    expect(catalog.port('pharr')!.location).toEqual({ lat: 26.067, lon: -98.205 });
  });

  it('links every port to a Border Liaison Mechanism with members on both sides', () => {
    for (const port of catalog.ports()) {
      const blm = catalog.blm(port.blmId);
      expect(blm).toBeDefined();
      expect(new Set(blm!.members.map((member) => member.side))).toEqual(new Set(['US', 'MX']));
    }
    expect(catalog.blms()).toHaveLength(13);
  });

  it('knows the ERG guide of common materials and a checklist template for every kind of shutdown', () => {
    expect(catalog.material('1017')).toMatchObject({ name: 'Chlorine', ergGuide: '124', toxicByInhalation: true });
    for (const kind of ['hazmat-release', 'fire', 'flood', 'security-threat', 'infrastructure-failure'] as const) {
      const template = catalog.checklistTemplate(kind)!;
      expect(template.items.length).toBeGreaterThan(0);
      expect(template.items.some((item) => item.critical && item.owner === 'US')).toBe(true);
      expect(template.items.some((item) => item.critical && item.owner === 'MX')).toBe(true);
    }
    expect(catalog.sisterCityPlan('scp-sandiego-tijuana')).toBeDefined();
  });
});

describe('bad reference data', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'enlace-config-'));
    await cp(configDir, dir, { recursive: true });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is refused with the file, line and field of every problem', async () => {
    const portsFile = join(dir, 'reference', 'ports-of-entry.csv');
    const lines = (await readFile(portsFile, 'utf8')).split('\n');
    lines[1] = lines[1]!
      .replace('passenger;pedestrian;sentri;ready', 'passenger;hovercraft')
      .replace('blm-sandiego-tijuana', 'blm-atlantis');
    await writeFile(portsFile, lines.join('\n'));
    let error: unknown;
    try {
      loadReferenceData(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidReferenceDataError);
    const problems = (error as InvalidReferenceDataError).problems.join('\n');
    expect(problems).toContain('ports-of-entry.csv:2: modes has unknown values hovercraft');
    expect(problems).toContain('ports-of-entry.csv:2: blm blm-atlantis is not in border-liaison-mechanisms.csv');
  });

  it('refuses a checklist item led by an agency of another owner (the rule items added to a running checklist follow)', async () => {
    const file = join(dir, 'checklists', 'fire.json');
    const template = JSON.parse(await readFile(file, 'utf8')) as { items: { owner: string; agency: string }[] };
    const index = template.items.findIndex((item) => item.owner === 'US');
    template.items[index]!.agency = 'PROFEPA';
    await writeFile(file, JSON.stringify(template));
    expect(() => loadReferenceData(dir)).toThrow(
      `checklists/fire.json items[${index}]: agency PROFEPA cannot lead a US item`,
    );
  });
});
