// A port brought back after its shutdown, as both officers would through the api: each side's critical checklist
// items completed and the others waived, both sign-offs, then each side reopens its lanes.
import type { ApiProcess } from './api-process.js';

/** Works the port's checklist, signs off on both sides and reopens; the position of the last reopening. */
export async function resumePort(api: ApiProcess, portId: string): Promise<string> {
  const { body: checklist } = await api.request<{ items: { id: string; owner: string; critical: boolean }[] }>(
    'GET',
    `/api/ports/${portId}/checklist`,
    { as: 'officer.us' },
  );
  for (const item of checklist.items) {
    const user = item.owner === 'MX' ? 'officer.mx' : 'officer.us';
    if (item.critical) await api.write('POST', `/api/ports/${portId}/checklist/${item.id}/completion`, user);
    else {
      await api.write('POST', `/api/ports/${portId}/checklist/${item.id}/waiver`, user, {
        reason: { en: 'Handled by the port office', es: 'Lo atiende la oficina del puerto' },
      });
    }
  }
  await api.write('POST', `/api/ports/${portId}/sign-offs`, 'officer.us', { side: 'US' });
  await api.write('POST', `/api/ports/${portId}/sign-offs`, 'officer.mx', { side: 'MX' });
  await api.write('POST', `/api/ports/${portId}/reopenings`, 'officer.us');
  return (await api.write('POST', `/api/ports/${portId}/reopenings`, 'officer.mx')).position;
}
