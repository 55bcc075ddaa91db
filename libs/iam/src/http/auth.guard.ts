import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@nrm/http/problem';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../access.decorators';
import { decodeProtectedHeader } from 'jose';
import { ACCOUNT_REPOSITORY, AccountRepository } from '../accounts/account-repository.port';
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
    @Inject(ACCOUNT_REPOSITORY) private readonly accounts: Pick<AccountRepository, 'findById'>,
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
    if (alg === 'HS256') return this.asTheAccountIsNow(this.tokens.verify(token));
    return this.oidc.enabled ? this.oidc.verify(token) : undefined;
  }

  /**
   * A local token speaks for its account only while the account is enabled, and with the role and
   * agency it has now: disabling an account or changing its role takes effect on the next request,
   * not when the access token expires.
   */
  private asTheAccountIsNow(principal: Principal | undefined): Principal | undefined {
    if (!principal) return undefined;
    const account = this.accounts.findById(principal.userId);
    if (!account || account.disabled) return undefined;
    return {
      userId: account.userId,
      username: account.username,
      role: account.role,
      agency: account.agency,
      country: account.country,
    };
  }
}
