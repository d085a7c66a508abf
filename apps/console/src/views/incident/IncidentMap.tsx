// The incident on the border map: its port selected and the zones of its protective actions in force drawn at true
// scale. For an officer ordering an action, a click on the map places the zone's centre.
import type { Incident } from '../../api/types';
import { usePorts } from '../../components/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { BorderMap, type GeoPoint, type MapZone } from '../../map/BorderMap';
import { mapPortsOf } from '../../map/map-ports';

/** The zones of the protective actions in force. */
export function activeZones(
  incident: Incident,
  label: (action: Incident['protectiveActions'][number]) => string,
): MapZone[] {
  return incident.protectiveActions
    .filter((action) => !action.liftedAt)
    .map((action) => ({
      id: action.actionId,
      lat: action.center.lat,
      lon: action.center.lon,
      radiusKm: action.radiusMeters / 1000,
      kind: action.kind,
      label: label(action),
    }));
}

export function IncidentMap({
  incident,
  pick,
}: {
  incident: Incident;
  /** The zone centre being chosen, while an officer may order an action. */
  pick?: { value: GeoPoint | undefined; onPick: (point: GeoPoint) => void };
}) {
  const { t, lang } = useI18n();
  const ports = usePorts();
  const zones = activeZones(incident, (action) =>
    t.incidentActions.zoneLabel(t.protectiveActionKind[action.kind], action.radiusMeters, t.side[action.side]),
  );
  return (
    <div data-testid="incident-map" data-zones={zones.length}>
      <BorderMap
        ports={mapPortsOf(
          ports.data ?? [],
          (port) => incident.affectedPortIds.includes(port.id) || port.linkedIncidentId === incident.incidentId,
        )}
        lang={lang}
        selectedPortId={incident.affectedPortIds[0] ?? null}
        zones={zones}
        {...(pick ? { pick } : {})}
      />
    </div>
  );
}
