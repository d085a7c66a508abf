import type { Clock } from '@enlace/clock';
import { DomainError, LIVE, type World } from '@enlace/domain';
import type { EventStore, Position } from '@enlace/event-store';
import { consistencyProof, inclusionProof, NoteError, openNote, toHex } from '@enlace/transparency';
import type { AuditKey } from './audit-key.js';
import { verifyLog, type LogVerdict, type VerifyProgress } from './log-verifier.js';
import { cosignatureWrite, type StoredCheckpoint, TreeStore } from './tree-store.js';

/** An inclusion proof (RFC 9162 §2.1.3) of one event in a signed checkpoint's tree, with what a verifier needs. */
export interface InclusionProofView {
  position: Position;
  leafIndex: number;
  treeSize: number;
  /** Hex SHA-256 hashes, from the leaf up. */
  proof: string[];
  leafHash: string;
  /** The signed checkpoint of `treeSize` (its note). */
  checkpoint: StoredCheckpoint;
}

export interface ConsistencyProofView {
  from: StoredCheckpoint;
  to: StoredCheckpoint;
  proof: string[];
}

const notFound = (code: string, en: string, es: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, 'not-found', { en, es }, details);

/**
 * The audit log as the api serves it: the public key, the signed checkpoints, proofs of inclusion and consistency,
 * witnesses' cosignatures, and the verification of the whole log. Reads only the sealed tiles and checkpoints.
 */
export class AuditLog {
  constructor(
    private readonly store: EventStore,
    readonly key: AuditKey,
    private readonly clock: Clock,
  ) {}

  tree(world: World = LIVE): TreeStore {
    return new TreeStore(this.store.checkpoints, world);
  }

  async latestCheckpoint(world: World = LIVE): Promise<StoredCheckpoint> {
    const latest = await this.tree(world).latestCheckpoint();
    if (!latest) {
      throw notFound(
        'AUDIT.NO_CHECKPOINT',
        'No signed checkpoint yet: the log is sealed within a minute of its first events',
        'Aún no hay punto de control firmado: la bitácora se sella en menos de un minuto tras sus primeros eventos',
      );
    }
    return latest;
  }

  async checkpointOfSize(size: number, world: World = LIVE): Promise<StoredCheckpoint> {
    const checkpoint = await this.tree(world).checkpoint(size);
    if (!checkpoint) {
      throw notFound(
        'AUDIT.CHECKPOINT_NOT_FOUND',
        `No signed checkpoint of tree size ${size}`,
        `No hay punto de control firmado con tamaño de árbol ${size}`,
        { size },
      );
    }
    return checkpoint;
  }

  async inclusion(position: Position, size?: number, world: World = LIVE): Promise<InclusionProofView> {
    const tree = this.tree(world);
    const checkpoint =
      size === undefined ? await this.latestCheckpoint(world) : await this.checkpointOfSize(size, world);
    const leaf = await tree.leafAt(position);
    if (!leaf || leaf.index >= checkpoint.size) {
      throw notFound(
        'AUDIT.NOT_SEALED',
        `No event at ${position} is sealed in the checkpoint of ${checkpoint.size} leaves (not an event of this log, or newer than it)`,
        `Ningún evento en ${position} está sellado en el punto de control de ${checkpoint.size} hojas (no es de esta bitácora, o es más reciente)`,
        { position, treeSize: checkpoint.size },
      );
    }
    const proof = await inclusionProof(tree.reader(), leaf.index, checkpoint.size);
    return {
      position,
      leafIndex: leaf.index,
      treeSize: checkpoint.size,
      proof: proof.map(toHex),
      leafHash: toHex(leaf.hash),
      checkpoint,
    };
  }

  async consistency(from: number, to: number, world: World = LIVE): Promise<ConsistencyProofView> {
    const [older, newer] = [await this.checkpointOfSize(from, world), await this.checkpointOfSize(to, world)];
    const proof = from === to ? [] : await consistencyProof(this.tree(world).reader(), from, to);
    return { from: older, to: newer, proof: proof.map(toHex) };
  }

  /**
   * A witness's cosignature of a checkpoint (the note it was served, with its cosignature line added): kept when the
   * witness is one the log accepts and its line verifies; the checkpoint's note then carries it for every reader.
   */
  async addCosignature(size: number, cosigned: string, world: World = LIVE): Promise<StoredCheckpoint> {
    const checkpoint = await this.checkpointOfSize(size, world);
    let opened;
    try {
      opened = openNote(cosigned, [this.key.signer, ...this.key.previous, ...this.key.witnesses], [this.key.origin]);
    } catch (error) {
      throw new DomainError(
        'AUDIT.COSIGNATURE_INVALID',
        'rule',
        {
          en: `The cosigned note does not verify (${error instanceof NoteError ? error.code : 'malformed'})`,
          es: `La nota cofirmada no se verifica (${error instanceof NoteError ? error.code : 'mal formada'})`,
        },
        { reason: error instanceof NoteError ? error.code : 'malformed' },
      );
    }
    if (opened.checkpoint.size !== checkpoint.size || toHex(opened.checkpoint.root) !== checkpoint.root) {
      throw new DomainError('AUDIT.COSIGNATURE_INVALID', 'rule', {
        en: `The cosigned note is not the checkpoint of size ${size}`,
        es: `La nota cofirmada no es el punto de control de tamaño ${size}`,
      });
    }
    const witnesses = opened.signatures.filter((signature) => signature.kind === 'cosignature/v1');
    if (witnesses.length === 0) {
      throw new DomainError('AUDIT.COSIGNATURE_INVALID', 'rule', {
        en: 'The note carries no cosignature by a witness this log accepts (AUDIT_WITNESS_KEYS)',
        es: 'La nota no trae la cofirma de ningún testigo que esta bitácora acepte (AUDIT_WITNESS_KEYS)',
      });
    }
    // Each witness's line is kept beside the checkpoint (the sealer's note is never rewritten), once per witness.
    const ownLines = new Set(checkpoint.note.split('\n'));
    const tree = this.tree(world);
    for (const signature of witnesses) {
      const line = cosigned
        .split('\n')
        .find((candidate) => candidate.startsWith(`— ${signature.name} `) && !ownLines.has(candidate));
      if (line) await this.store.checkpoints.putNewer(cosignatureWrite(world, size, signature.keyId, line));
    }
    return (await tree.checkpoint(size))!;
  }

  /** The log (this world's) and every stream's hash chain, as `npm run verify` checks them. */
  async verifyAll(world: World = LIVE): Promise<{
    ok: boolean;
    checkedAt: string;
    log: LogVerdict;
    chains: Awaited<ReturnType<EventStore['verify']>>;
  }> {
    const log = await this.verify(world);
    // Every stream's chain (a drill's streams are among them).
    const chains = await this.store.verify();
    return { ok: log.ok && chains.ok, checkedAt: this.clock.now().toISOString(), log, chains };
  }

  verify(world: World = LIVE, onProgress?: (progress: VerifyProgress) => void): Promise<LogVerdict> {
    return verifyLog(this.store, {
      world,
      origin: this.key.origin,
      key: this.key.signer,
      witnesses: [...this.key.previous, ...this.key.witnesses],
      ...(onProgress ? { onProgress } : {}),
    });
  }
}
