import { IsCode, IsDateTime } from '../field-rules';

export class ReturnTravelStartedData {
  @IsCode() handoverId: string;
  @IsDateTime() departedAt: string;
}
export interface ReturnTravelStarted {
  type: 'ReturnTravelStarted';
  data: ReturnTravelStartedData;
}

export class ArrivalConfirmedData {
  @IsCode() handoverId: string;
  @IsDateTime() arrivedAt: string;
}
export interface ArrivalConfirmed {
  type: 'ArrivalConfirmed';
  data: ArrivalConfirmedData;
}

export class ReceptionConfirmedData {
  @IsCode() handoverId: string;
  @IsCode() receivingAgency: string;
}
export interface ReceptionConfirmed {
  type: 'ReceptionConfirmed';
  data: ReceptionConfirmedData;
}
