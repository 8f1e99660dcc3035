import type { Principal } from './principal.js';

/** Port: the guard verifies tokens without knowing where the signing secret lives. */
export abstract class TokenVerifier {
  /** The principal of a valid token, or null for a forged, expired or malformed one. */
  abstract verify(token: string): Promise<Principal | null>;
}
