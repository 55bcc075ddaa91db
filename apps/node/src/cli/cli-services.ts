import { AccessLog } from '@nrm/application/access-log/access-log';
import { CaseExporter } from '@nrm/application/export/case-exporter';
import type { NodeAdapters } from '@nrm/application/infrastructure/node-adapters';
import { EventWriter } from '@nrm/application/log/event-writer';
import { OrganisationRegistry } from '@nrm/application/organisation/organisation-registry';
import { CaseViews } from '@nrm/application/queries/case-views.service';
import { systemClock } from '@nrm/config/clock';
import type { NodeConfig } from '@nrm/config/node-config';
import { PartnerRegistryService } from '@nrm/partner-bridge/registry/partner-registry.service';
import { PersonalDataCipher } from '@nrm/privacy';

/**
 * The services the CLI runs on a stopped node's stores, wired as the node wires them (one event
 * writer, one cipher), so that a command from the CLI records exactly what the API would.
 */
export function cliServices(adapters: NodeAdapters, config: NodeConfig) {
  const cipher = new PersonalDataCipher(adapters.keyStore);
  const writer = new EventWriter(adapters.eventStore, cipher, systemClock, config);
  const accessLog = new AccessLog(adapters.eventStore, writer);
  return {
    registry: () => new PartnerRegistryService(adapters.eventStore, writer),
    organisation: () => new OrganisationRegistry(adapters.eventStore, writer),
    exporter: () =>
      new CaseExporter(
        adapters.eventStore,
        adapters.auditableLog,
        adapters.signer,
        new CaseViews(adapters.readModels, cipher, accessLog, systemClock),
        cipher,
        accessLog,
        systemClock,
        config,
      ),
  };
}
