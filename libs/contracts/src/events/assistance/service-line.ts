import { SERVICE_KINDS, type ServiceKind } from '../../taxonomies/services';
import { IsOptional } from 'class-validator';
import { IsCode, IsCodeList, IsOneOf, LIMITS } from '../field-rules';

/** One service of an assistance or reintegration plan; `provider` is the agency code, when known. */
export class ServiceLine {
  @IsCode() serviceId: string;
  @IsOneOf(SERVICE_KINDS) kind: ServiceKind;
  @IsCode(true) provider?: string;
  /**
   * The family members linked to the case (FamilyMemberLinked) the service serves besides, or instead
   * of, the victim. Optional and additive: every service line stored before it still validates (v1).
   */
  @IsOptional() @IsCodeList(LIMITS.smallList) memberIds?: string[];
}
