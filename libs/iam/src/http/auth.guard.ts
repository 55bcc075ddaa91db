import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@nrm/http/problem';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../access.decorators';
import { decodeProtectedHeader } from 'jose';
import { OidcVerifier } from '../oidc/oidc-verifier';
import { Principal, Role } from '../roles';
import { TokenService } from '../sessions/token.service';

/** Global guard: a bearer token on every route but the public ones, and the route's roles checked. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly oidc: OidcVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: unknown }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(header);
    const principal = match ? await this.principalOf(match[1]) : undefined;
    if (!principal) throw ProblemException.unauthorized();
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? [];
    if (!roles.includes(principal.role)) throw ProblemException.forbidden();
    return true;
  }

  /** Local tokens are HS256; everything else can only be the identity provider's (if one is configured). */
  private async principalOf(token: string): Promise<Principal | undefined> {
    let alg: unknown;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return undefined;
    }
    if (alg === 'HS256') return this.tokens.verify(token);
    return this.oidc.enabled ? this.oidc.verify(token) : undefined;
  }
}
