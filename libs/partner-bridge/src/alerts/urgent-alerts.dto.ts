import { ApiProperty } from '@nestjs/swagger';

export class UrgentAlertAcknowledgementResponse {
  @ApiProperty() alertId: string;
  @ApiProperty() acknowledgedAt: string;
  @ApiProperty({ description: 'User id of the operator who acknowledged it' }) acknowledgedBy: string;
}
