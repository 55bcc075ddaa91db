import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import { NODE_CONFIG, NodeConfig, OidcConfig } from '@nrm/config/node-config';
import { Principal, ROLES, Role } from '../roles';

/** Asymmetric algorithms only: an HMAC "signed" with the provider's public key must never pass. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

/**
 * Bearer tokens from the external identity provider (NRM_OIDC_*): signature checked against the
 * provider's JWKS (fetched and cached by jose, refetched for an unknown key id), issuer, audience
 * and expiry required, role and scope taken from claims.
 */
@Injectable()
export class OidcVerifier {
  private readonly settings?: OidcConfig;
  private readonly keys?: ReturnType<typeof createRemoteJWKSet>;

  constructor(@Inject(NODE_CONFIG) config: NodeConfig) {
    this.settings = config.oidc;
    if (this.settings) {
      this.keys = createRemoteJWKSet(new URL(this.settings.jwksUrl), { timeoutDuration: 5000 });
    }
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  /** The principal of a valid token, or undefined for anything else. */
  async verify(token: string): Promise<Principal | undefined> {
    if (!this.settings || !this.keys) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: OIDC_ALGORITHMS,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      });
      return toPrincipal(payload, this.settings.roleClaim);
    } catch {
      return undefined;
    }
  }
}

function toPrincipal(payload: JWTPayload, roleClaim: string): Principal | undefined {
  const role = payload[roleClaim];
  // A role this node does not know is refused, never mapped to something "close".
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return undefined;
  const agency = payload.nrm_agency;
  const country = payload.nrm_country;
  if (agency !== undefined && (typeof agency !== 'string' || agency.length < 1 || agency.length > 100))
    return undefined;
  if (country !== undefined && (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country))) return undefined;
  const username = typeof payload.preferred_username === 'string' ? payload.preferred_username : payload.sub;
  return {
    userId: payload.sub as string,
    username: username as string,
    role: role as Role,
    agency,
    country,
  };
}
