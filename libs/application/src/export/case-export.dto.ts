import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { EXPORT_PURPOSE_PATTERN, exportPurposeError } from './export-purpose';

export class CaseExportQueryDto {
  @ApiProperty({
    description:
      'Why the case is exported, as a snake_case code (recorded in the access log and in the document; never a name)',
    example: 'subject_access_request',
    pattern: EXPORT_PURPOSE_PATTERN.source,
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
