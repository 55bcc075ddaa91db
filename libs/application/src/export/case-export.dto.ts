import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { EXPORT_PURPOSE_MAX_LENGTH, EXPORT_PURPOSE_MIN_LENGTH, exportPurposeError } from './export-purpose';

export class CaseExportQueryDto {
  @ApiProperty({
    description: 'Why the case is exported (recorded in the access log and in the document)',
    example: 'GDPR art. 15 request of 2025-03-01, ref. DSAR-17',
    minLength: EXPORT_PURPOSE_MIN_LENGTH,
    maxLength: EXPORT_PURPOSE_MAX_LENGTH,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateBy({
    name: 'isExportPurpose',
    validator: {
      validate: (value) => exportPurposeError(value) === undefined,
      defaultMessage: (args) => exportPurposeError(args?.value) ?? 'purpose is invalid',
    },
  })
  purpose: string;
}
