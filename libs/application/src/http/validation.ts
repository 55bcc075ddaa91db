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

/** Refuses prototype-machinery keys before class-validator, which cannot see them, runs. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const paths = metadata.type === 'custom' ? [] : prototypeKeyPaths(value);
    if (paths.length) {
      throw ProblemException.badRequest(
        'The request failed validation',
        paths.map((field) => ({ field, message: `${field} is not a field of this request` })),
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
