import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem';
import { prototypeKeyPaths } from './prototype-keys';

/** Flattens nested class-validator errors into `{ field: "person.givenName", message }`. */
export function flattenValidationErrors(
  errors: ValidationError[],
  parent = '',
): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Deeper than any request of the API (a case registration is 3 levels). */
const MAX_DEPTH = 32;

/** Without recursion, so that the check itself cannot overflow. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > max) return true;
    level = level.flatMap((v) => (v !== null && typeof v === 'object' ? Object.values(v) : []));
  }
  return false;
}

/** Paths of every null in a parsed JSON body, e.g. `person.dateOfBirth` ('' for a null body). */
function nullPaths(value: unknown, parent = '', depth = 0): string[] {
  if (value === null) return [parent];
  if (depth > MAX_DEPTH || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    nullPaths(item, parent ? `${parent}.${key}` : key, depth + 1),
  );
}

/**
 * Refuses prototype-machinery keys before class-validator, which cannot see them, runs; and nulls in a
 * validated body.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    // class-transformer recurses once per level: a body nested a few thousand deep overflows the stack.
    if (metadata.type !== 'custom' && nestedDeeperThan(value, MAX_DEPTH)) {
      throw ProblemException.badRequest('The request failed validation', [
        { field: '', message: `nested deeper than ${MAX_DEPTH} levels` },
      ]);
    }
    const paths = metadata.type === 'custom' ? [] : prototypeKeyPaths(value);
    if (paths.length) {
      throw ProblemException.badRequest(
        'The request failed validation',
        paths.map((field) => ({ field, message: `${field} is not a field of this request` })),
      );
    }
    // class-validator reads an optional field's null as absent; the document declares no field
    // nullable, so a null would pass as a value it never promised and reach the log as one.
    const nulls = metadata.type === 'body' && this.toValidate(metadata) ? nullPaths(value) : [];
    if (nulls.length) {
      throw ProblemException.badRequest(
        'The request failed validation',
        nulls.map((field) => ({
          field,
          message: field ? `${field} must not be null (leave it out)` : 'the body must be a JSON object',
        })),
      );
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are an error, not silently dropped: a client that sends them has a bug worth seeing. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      ProblemException.badRequest('The request failed validation', flattenValidationErrors(errors)),
  });
}
