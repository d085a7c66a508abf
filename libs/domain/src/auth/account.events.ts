/**
 * What admins decided about a directory account, stream `account-<username>`. The directory itself (names, roles,
 * sides, password hashes) is configuration; these events are the decisions taken about it while the site runs.
 */
export type AccountEvent =
  | { type: 'AccountDisabled'; data: { username: string; reason: string | null } }
  /** `disabledAt`: when the disabling it ends was recorded (sessions begun before it stay ended). */
  | { type: 'AccountEnabled'; data: { username: string; disabledAt: string } }
  /** The sign-in lockout (kept by the throttle) lifted by an admin before its time. */
  | { type: 'AccountUnlocked'; data: { username: string; lockedUntil: string } };
