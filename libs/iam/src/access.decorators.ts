import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal, Role } from './roles';

export const PUBLIC_ROUTE = 'nrm:public';
export const ALLOWED_ROLES = 'nrm:roles';

/** The route needs no token (health, login). Every other route must name its roles. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Roles allowed on a route; a route without @Roles and without @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
