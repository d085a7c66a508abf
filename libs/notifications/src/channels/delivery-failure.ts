/** A delivery attempt that did not go through; `reason` is what the store records (short, no secrets). */
export class DeliveryFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DeliveryFailure';
  }
}
