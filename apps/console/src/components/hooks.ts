// Hooks shared by the views.
import { useEffect, useMemo, useState } from 'react';
import type { PortStatus } from '../api/types';
import { useResource } from '../state/DataProvider';
import { useSignedIn } from '../session/SessionProvider';
import { browserZone } from '../time/format';
import { Zones } from '../time/zones';

/** The port board (reference data and status of every port): the source of names and clocks too. */
export function usePorts() {
  return useResource<PortStatus[]>('/api/ports');
}

/** The clocks of the officer's side of each port. */
export function useZones(): Zones {
  const { user } = useSignedIn();
  const { data: ports } = usePorts();
  return useMemo(() => new Zones(ports ?? [], user.country, browserZone()), [ports, user.country]);
}

/** The time now, ticking every `intervalMs` (countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Sets the document's title: "<view> · Enlace". */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Enlace` : 'Enlace';
  }, [title]);
}
