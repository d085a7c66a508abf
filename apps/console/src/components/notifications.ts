// The officer's mechanisms (GET /api/blms), for the inbox and its badge.
import { useMemo } from 'react';
import type { BorderLiaisonMechanism } from '../api/types';
import { useResource } from '../state/DataProvider';
import { useSignedIn } from '../session/SessionProvider';
import { myMechanisms } from './inbox';

export { notificationState } from './inbox';

/** `ids` undefined: the reader belongs to no mechanism (an auditor): every notification is theirs to see. */
export function useMyMechanisms(): {
  blms: BorderLiaisonMechanism[];
  mine: BorderLiaisonMechanism[];
  ids: Set<string> | undefined;
  loaded: boolean;
} {
  const { user } = useSignedIn();
  const { data } = useResource<BorderLiaisonMechanism[]>('/api/blms');
  return useMemo(() => {
    const blms = data ?? [];
    const mine = myMechanisms(blms, user);
    return {
      blms,
      mine,
      ids: mine.length > 0 ? new Set(mine.map((blm) => blm.id)) : undefined,
      loaded: data !== undefined,
    };
  }, [data, user]);
}
