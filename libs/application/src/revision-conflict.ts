/** The revision the client read (`If-Match`) is no longer the stream's revision. */
export class RevisionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`${streamId} is at revision ${currentRevision}, not ${expectedRevision}`);
    this.name = 'RevisionConflictError';
  }
}
