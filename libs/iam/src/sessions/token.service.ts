import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { Principal, ROLES, Role } from '../roles';

const AUDIENCE = 'nrm-api';

interface AccessClaims {
  sub: string;
  username: string;
  role: Role;
  agency?: string;
  country?: string;
}

/** Issues and checks access tokens: HS256 only, issuer and audience pinned, expiry required. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  issue(principal: Principal): string {
    const claims: AccessClaims = {
      sub: principal.userId,
      username: principal.username,
      role: principal.role,
      agency: principal.agency,
      country: principal.country,
    };
    return this.jwt.sign(claims, {
      algorithm: 'HS256',
      issuer: this.config.nodeId,
      audience: AUDIENCE,
      expiresIn: this.config.accessTokenTtlSeconds,
    });
  }

  /** The principal of a valid token, or undefined for anything else (forged, expired, other audience). */
  verify(token: string): Principal | undefined {
    try {
      const claims = this.jwt.verify<AccessClaims & { exp?: number }>(token, {
        algorithms: ['HS256'],
        issuer: this.config.nodeId,
        audience: AUDIENCE,
      });
      if (typeof claims.exp !== 'number' || !ROLES.includes(claims.role)) return undefined;
      return {
        userId: claims.sub,
        username: claims.username,
        role: claims.role,
        agency: claims.agency,
        country: claims.country,
      };
    } catch {
      return undefined;
    }
  }
}
