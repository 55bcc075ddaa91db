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
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
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

/**
 * Calendar dates exactly as the strict ISO 8601 check accepts them (years 1000 to 9999, months and days
 * that exist, 29 February in leap years only): the pattern is what the OpenAPI document publishes, so it
 * must admit nothing the check refuses and refuse nothing it admits. Years before 1000 are left out: the
 * check reads them through the platform's date parser, whose answer depends on the time zone.
 */
const CALENDAR_DATE =
  '(?:[1-9]\\d{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)' +
  '|(?:[1-9]\\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29)';
/** Hours 00-23 (or 24:00), minutes and seconds 00-59, up to nanoseconds; Z or an offset up to ±23:59. */
const TIME_WITH_OFFSET =
  'T(?:(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?|24:00)(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
export const DATE_TIME_PATTERN = new RegExp(`^${CALENDAR_DATE}${TIME_WITH_OFFSET}$`);
export const DATE_PATTERN = new RegExp(`^${CALENDAR_DATE}$`);
/** A date (midnight UTC), or a date and time with its offset: an instant a query may name. */
export const DATE_OR_DATE_TIME_PATTERN = new RegExp(`^${CALENDAR_DATE}(?:${TIME_WITH_OFFSET})?$`);
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

export const IsCaseId = (optional = false): Decorator =>
  optionalOr(optional, IsString(), Matches(UUID_V4, { message: '$property must be a UUID v4' }));

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

/** Name of the rule `AppliesOnlyWhen` registers (the OpenAPI document reads it by this name). */
export const APPLIES_ONLY_WHEN = 'appliesOnlyWhen';

/**
 * An optional field that may be sent only when `property` holds one of `values` (e.g. familyAssessed
 * only with kind "return"): absent otherwise. The OpenAPI document states the same rule as a schema.
 */
export const AppliesOnlyWhen = (property: string, values: readonly string[]): Decorator =>
  all(
    ValidateBy({
      name: APPLIES_ONLY_WHEN,
      constraints: [property, values],
      validator: {
        validate: (value, args) =>
          value === undefined ||
          values.includes((args?.object as Record<string, unknown>)[property] as string),
        defaultMessage: (args) =>
          `${args?.property} applies to ${property} ${values.map((v) => `"${v}"`).join(' or ')} only`,
      },
    }),
  );

/** Name of the rule `HasDecimalPlaces` registers (the OpenAPI document states it as `multipleOf`). */
export const MAX_DECIMAL_PLACES = 'maxDecimalPlaces';

/** Decimal places of a number as JSON writes it (1e-7 has 7, 1.5 has 1, 1e21 none). */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
  return Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - Number(exponent));
}

/**
 * A finite number with at most `places` decimals. Instead of class-validator's own option, which reads
 * the digits after a "." and throws on a number JavaScript writes with an exponent (1e-7).
 */
export const HasDecimalPlaces = (places: number): PropertyDecorator =>
  ValidateBy({
    name: MAX_DECIMAL_PLACES,
    constraints: [places],
    validator: {
      validate: (value) =>
        typeof value === 'number' && Number.isFinite(value) && decimalPlaces(value) <= places,
      defaultMessage: (args) => `${args?.property} must be a number with at most ${places} decimals`,
    },
  });

/** An amount of money: 0 to 10^12, in cents at most. */
export const IsAmount = (optional = false): Decorator =>
  optionalOr(
    optional,
    IsNumber({ allowNaN: false, allowInfinity: false }),
    HasDecimalPlaces(2),
    Min(0),
    Max(1e12),
  );
