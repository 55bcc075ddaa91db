/**
 * Shared field rules for event payloads. Every string is bounded and every list has a maximum size,
 * because payloads come from operators and partner nodes and end up in an append-only log.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { COUNTRY_CODES } from '../taxonomies/countries';

export const LIMITS = {
  /** codes: agency codes, provider codes, ids chosen by a client */
  code: 64,
  shortText: 200,
  name: 200,
  longText: 4000,
  smallList: 20,
  list: 50,
} as const;

type Decorator = (target: object, propertyKey: string) => void;

function all(...decorators: PropertyDecorator[]): Decorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

function optionalOr(optional: boolean, ...decorators: PropertyDecorator[]): Decorator {
  return optional ? all(IsOptional(), ...decorators) : all(...decorators);
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** One value of a taxonomy. */
export const IsOneOf = (values: readonly string[], optional = false): Decorator =>
  optionalOr(
    optional,
    IsIn(values as string[], { message: `$property must be one of: ${values.join(', ')}` }),
  );

/** A list of taxonomy values, unique, bounded. */
export const IsListOf = (
  values: readonly string[],
  { min = 0, max = LIMITS.smallList as number } = {},
): Decorator =>
  all(
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    ArrayUnique(),
    IsIn(values as string[], {
      each: true,
      message: `each value in $property must be one of: ${values.join(', ')}`,
    }),
  );

/** A machine code (agency, provider, client-chosen id): no spaces, no free text. */
export const IsCode = (optional = false): Decorator =>
  optionalOr(
    optional,
    IsString(),
    MinLength(1),
    MaxLength(LIMITS.code),
    Matches(CODE_PATTERN, { message: '$property must be a code (letters, digits, _ . : -)' }),
  );

export const IsCodeList = (max: number = LIMITS.list): Decorator =>
  all(
    IsArray(),
    ArrayMaxSize(max),
    ArrayUnique(),
    IsString({ each: true }),
    MaxLength(LIMITS.code, { each: true }),
    Matches(CODE_PATTERN, { each: true, message: 'each value in $property must be a code' }),
  );

/** Bounded free text (only ever in `personal`, or short outcome labels). */
export const IsText = (max: number, optional = false): Decorator =>
  optionalOr(optional, IsString(), MinLength(1), MaxLength(max));

export const IsFlag = (optional = false): Decorator => optionalOr(optional, IsBoolean());

/** An instant: ISO 8601 date-time with an explicit offset. */
export const IsDateTime = (optional = false): Decorator =>
  optionalOr(
    optional,
    IsISO8601({ strict: true }),
    Matches(DATE_TIME_PATTERN, { message: '$property must be an ISO 8601 date-time with offset' }),
  );

/** A calendar date (YYYY-MM-DD). */
export const IsDate = (optional = false): Decorator =>
  optionalOr(
    optional,
    IsISO8601({ strict: true }),
    Matches(DATE_PATTERN, { message: '$property must be an ISO 8601 date (YYYY-MM-DD)' }),
  );

export const IsCaseId = (): Decorator =>
  all(IsString(), Matches(UUID_V4, { message: '$property must be a UUID v4' }));

export const IsCountry = (optional = false): Decorator =>
  optionalOr(
    optional,
    IsIn(COUNTRY_CODES as readonly string[] as string[], {
      message: '$property must be an upper-case ISO 3166-1 alpha-2 country code',
    }),
  );

/** A recipient of personal data: a partner country (ISO alpha-2) or an agency code. */
export const IsRecipient = (optional = false): Decorator => IsCode(optional);

/** A nested list of objects of class `cls`, bounded. */
export const IsNestedList = (
  cls: () => new () => object,
  { min = 0, max = LIMITS.list as number } = {},
): Decorator =>
  all(IsArray(), ArrayMinSize(min), ArrayMaxSize(max), ValidateNested({ each: true }), Type(cls));

/** A predicate rule with its own message. */
export const Satisfies = (name: string, predicate: (value: unknown) => boolean, message: string): Decorator =>
  all(ValidateBy({ name, validator: { validate: predicate, defaultMessage: () => message } }));
