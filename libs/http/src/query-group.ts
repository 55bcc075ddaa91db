import { ValidateIf } from 'class-validator';

/** Metadata key of the query parameter groups a query class declares (read by the OpenAPI document). */
export const QUERY_GROUPS = 'nrm:query-groups';

export interface QueryGroupDeclaration {
  /** The group's name in the OpenAPI document (one exploded object parameter). */
  name: string;
  /** Its query parameters: all of them, or none. */
  members: string[];
  description?: string;
}

/**
 * Query parameters that mean something only together (a tree head is a size and a root): sent all or
 * none. Each member is validated as soon as any member is present, so a lone one is refused with the
 * missing ones named; the OpenAPI document publishes the group as one optional object parameter (form
 * style, exploded: the same `?a=1&b=2` on the wire) that requires every member, which is how OpenAPI
 * 3.0 can say "together or not at all".
 */
export function QueryGroup(name: string, members: string[], description?: string): ClassDecorator {
  return (target) => {
    const anyPresent = (query: Record<string, unknown>) => members.some((m) => query[m] !== undefined);
    for (const member of members) ValidateIf(anyPresent)(target.prototype as object, member);
    const declared = (Reflect.getMetadata(QUERY_GROUPS, target) ?? []) as QueryGroupDeclaration[];
    Reflect.defineMetadata(QUERY_GROUPS, [...declared, { name, members, description }], target);
  };
}
