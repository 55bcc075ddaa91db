import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PARTNER_NODE_ID, type Partner, type RegistryState } from '@nrm/transnational';
import { Roles } from '@nrm/iam/access.decorators';
import { CallContext, RequestContext } from '@nrm/application/cases/command-context';
import type { Ed25519Signer } from '@nrm/event-store';
import type { NodeEncryptionKey } from '@nrm/transnational';
import { NODE_CONFIG, NodeConfig } from '@nrm/config/node-config';
import { ProblemException } from '@nrm/http/problem';
import { NODE_ENCRYPTION_KEY, NODE_SIGNER } from '@nrm/application/infrastructure/tokens';
import { PartnerRegistryService } from './partner-registry.service';
import {
  NodeIdentityView,
  PartnerListView,
  PartnerReasonDto,
  PartnerView,
  RegisterPartnerDto,
  UpdatePartnerDto,
} from './partners.dto';

const NODE_ID = PARTNER_NODE_ID;
/** What the registry refuses in a well-formed request (rule invalid-request). */
const UNPROCESSABLE =
  'A key that is not an Ed25519 / X25519 key, this node itself or a reserved id as the partner';

/** The partner registry: admins manage it, auditors read it (who was trusted, with which key, under which agreement). */
@ApiTags('partners')
@ApiBearerAuth()
@Controller('api')
export class PartnersController {
  constructor(
    private readonly registry: PartnerRegistryService,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(NODE_SIGNER) private readonly signer: Ed25519Signer,
    @Inject(NODE_ENCRYPTION_KEY) private readonly encryptionKey: NodeEncryptionKey,
  ) {}

  /** What partner nodes need from this node to register it in turn. */
  @Get('node/identity')
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: NodeIdentityView })
  identity(): NodeIdentityView {
    return {
      nodeId: this.config.nodeId,
      country: this.config.country,
      publicKeyPem: this.signer.publicKeyPem,
      encryptionKeyPem: this.encryptionKey.publicKeyPem,
      keyId: this.signer.keyId,
    };
  }

  @Get('partners')
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: PartnerListView })
  async list(): Promise<PartnerListView> {
    const { state } = await this.registry.state();
    return { items: [...state.partners.values()].map((partner) => view(partner, state)) };
  }

  @Get('partners/:nodeId')
  @Roles('admin', 'auditor')
  @ApiOkResponse({ type: PartnerView })
  async get(@Param('nodeId') nodeId: string): Promise<PartnerView> {
    const { state } = await this.registry.state();
    return found(state, nodeId);
  }

  @Post('partners')
  @ApiConflictResponse({
    description: 'The partner, or another partner for its country, is registered already',
  })
  @Roles('admin')
  @ApiCreatedResponse({ type: PartnerView })
  @ApiUnprocessableEntityResponse({ description: UNPROCESSABLE })
  async register(
    @Body() body: RegisterPartnerDto,
    @CallContext() call: RequestContext,
  ): Promise<PartnerView> {
    const state = await this.registry.execute(
      { type: 'RegisterPartner', partner: { ...body }, localNodeId: this.config.nodeId },
      call.principal,
      call,
    );
    return found(state, body.nodeId);
  }

  @Patch('partners/:nodeId')
  @Roles('admin')
  @ApiOkResponse({ type: PartnerView })
  @ApiUnprocessableEntityResponse({ description: `${UNPROCESSABLE}, or no change at all` })
  async update(
    @Param('nodeId') nodeId: string,
    @Body() body: UpdatePartnerDto,
    @CallContext() call: RequestContext,
  ): Promise<PartnerView> {
    const state = await this.registry.execute(
      { type: 'UpdatePartner', changes: { nodeId: checkNodeId(nodeId), ...body } },
      call.principal,
      call,
    );
    return found(state, nodeId);
  }

  /** Nothing is sent to it or accepted from it afterwards; its past messages stay in the log. */
  @Post('partners/:nodeId/removal')
  @Roles('admin')
  @ApiCreatedResponse({ type: PartnerView })
  async remove(
    @Param('nodeId') nodeId: string,
    @Body() body: PartnerReasonDto,
    @CallContext() call: RequestContext,
  ): Promise<PartnerView> {
    const state = await this.registry.execute(
      { type: 'RemovePartner', nodeId: checkNodeId(nodeId), reason: body.reason },
      call.principal,
      call,
    );
    return view(state.partners.get(nodeId) as Partner, state);
  }

  /** After investigating a partner held by witnessing: exchange resumes. */
  @Post('partners/:nodeId/release')
  @ApiConflictResponse({ description: 'The partner is not held' })
  @Roles('admin')
  @ApiCreatedResponse({ type: PartnerView })
  async release(
    @Param('nodeId') nodeId: string,
    @Body() body: PartnerReasonDto,
    @CallContext() call: RequestContext,
  ): Promise<PartnerView> {
    const state = await this.registry.execute(
      { type: 'ReleasePartner', nodeId: checkNodeId(nodeId), reason: body.reason },
      call.principal,
      call,
    );
    return found(state, nodeId);
  }
}

function checkNodeId(nodeId: string): string {
  if (!NODE_ID.test(nodeId)) throw ProblemException.notFound('No such partner');
  return nodeId;
}

function found(state: RegistryState, nodeId: string): PartnerView {
  const partner = state.partners.get(nodeId);
  if (!partner) throw ProblemException.notFound('No such partner');
  return view(partner, state);
}

function view(partner: Partner, state: RegistryState): PartnerView {
  const hold = state.holds.get(partner.nodeId);
  return {
    nodeId: partner.nodeId,
    country: partner.country,
    status: partner.status,
    publicKeyPem: partner.publicKeyPem,
    encryptionKeyPem: partner.encryptionKeyPem,
    endpoint: partner.endpoint,
    agreement: {
      reference: partner.agreement.reference,
      fields: { ...partner.agreement.fields } as PartnerView['agreement']['fields'],
      validUntil: partner.agreement.validUntil,
    },
    ...(hold && partner.status === 'held' ? { hold } : {}),
  };
}
