import type {
  BorderLiaisonMechanism,
  ChecklistTemplate,
  HazardousMaterial,
  PortOfEntry,
  ReferenceCatalog,
  ShutdownKind,
  SisterCityPlan,
} from './reference.js';

export interface ReferenceDataSet {
  ports: readonly PortOfEntry[];
  blms: readonly BorderLiaisonMechanism[];
  sisterCityPlans: readonly SisterCityPlan[];
  materials: readonly HazardousMaterial[];
  checklistTemplates: readonly ChecklistTemplate[];
}

function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** An in-memory catalog over a data set (loaded from config/ in the application, built inline in tests). */
export function createReferenceCatalog(data: ReferenceDataSet): ReferenceCatalog {
  const ports = byKey(data.ports, (port) => port.id);
  const blms = byKey(data.blms, (blm) => blm.id);
  const plans = byKey(data.sisterCityPlans, (plan) => plan.id);
  const materials = byKey(data.materials, (material) => material.unNumber);
  const templates = new Map<ShutdownKind, ChecklistTemplate>(data.checklistTemplates.map((t) => [t.kind, t]));
  return {
    port: (id) => ports.get(id),
    ports: () => data.ports,
    blm: (id) => blms.get(id),
    blms: () => data.blms,
    sisterCityPlan: (id) => plans.get(id),
    material: (unNumber) => materials.get(unNumber),
    checklistTemplate: (kind) => templates.get(kind),
  };
}
