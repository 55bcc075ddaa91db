import { Module } from '@nestjs/common';
import { PartnerRegistryService } from './partner-registry.service';
import { PartnersController } from './partners.controller';

/** The partner registry: one instance per process, shared by its admin API and the bridge. */
@Module({ providers: [PartnerRegistryService], exports: [PartnerRegistryService] })
export class PartnersModule {}

/** The registry's admin API (/api/partners), served where the gateway's routes are. */
@Module({ imports: [PartnersModule], controllers: [PartnersController] })
export class PartnersApiModule {}
