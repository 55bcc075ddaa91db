import { ApiProperty } from '@nestjs/swagger';

export class CommandResponse {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: "The case stream's revision after the append (also in ETag)" })
  revision: number;
}
