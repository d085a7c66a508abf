// Positions of the log as an auditor reads them. The api spells one as two zero-padded numbers joined by a colon
// ("00000000000000000757:00000000000000000012") so that comparing the strings orders them; on screen the padding is
// left out, and the exact position stays in the title, the data and the files.

const POSITION = /^(\d{20}):(\d{20})$/;

/** "757:12" for "00000000000000000757:00000000000000000012"; anything else as it is. */
export function shortPosition(position: string): string {
  const match = POSITION.exec(position);
  if (!match) return position;
  const trim = (digits: string) => digits.replace(/^0+(?=\d)/, '');
  return `${trim(match[1]!)}:${trim(match[2]!)}`;
}

/** The name an event's inclusion proof is saved under: `inclusion-<position>.json`, the colon a dash (file systems). */
export function proofFileName(position: string): string {
  return `inclusion-${position.replace(/:/g, '-')}.json`;
}
