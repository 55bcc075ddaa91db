import { SERVICE_KINDS, type ServiceKind } from '../../taxonomies/services';
import { IsCode, IsOneOf } from '../field-rules';

/** One service of an assistance or reintegration plan; `provider` is the agency code, when known. */
export class ServiceLine {
  @IsCode() serviceId: string;
  @IsOneOf(SERVICE_KINDS) kind: ServiceKind;
  @IsCode(true) provider?: string;
}
