import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem';

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

/** Unknown fields are an error, not silently dropped: a client that sends them has a bug worth seeing. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      ProblemException.badRequest('The request failed validation', flattenValidationErrors(errors)),
  });
}
