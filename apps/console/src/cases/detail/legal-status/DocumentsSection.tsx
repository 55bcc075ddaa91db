import { Stack } from '@mantine/core';
import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { required, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';
import { chosen, itemOptions } from './item-options';

type Recording = RequestBody<'/api/cases/{id}/documents', 'post'>;
type Recovery = RequestBody<'/api/cases/{id}/documents/{documentId}/recovery', 'post'>;
type Replacement = RequestBody<'/api/cases/{id}/documents/{documentId}/replacement-request', 'post'>;
type Issue = RequestBody<'/api/cases/{id}/documents/{documentId}/issue', 'post'>;
const KINDS = ENUM_VALUES['IdentityDocumentDto.kind'];
const FOUND = ENUM_VALUES['IdentityDocumentDto.status'];
const CHANNELS = ENUM_VALUES['DocumentReplacementDto.channel'];

/**
 * The person's identity and travel documents: withheld by the exploiter, lost, recovered, replaced.
 * A return journey needs one valid on the day. No document number is recorded.
 */
export function DocumentsSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const canRecord = can(role, 'POST /api/cases/{id}/documents');
  const documents = view.legalStatus?.documents ?? [];
  if (!canRecord && documents.length === 0) return null;
  const common = { caseId: view.caseId, revision, onReload };
  const nameOf = (document: (typeof documents)[number]) =>
    `${t(`legalStatus.documentKinds.${document.kind}`)} — ${t(`legalStatus.documentStatus.${document.status}`)}`;
  const pick = (eligible: (document: (typeof documents)[number]) => boolean) =>
    itemOptions(t, documents, (d) => d.documentId, nameOf, eligible);
  const recoverable = pick((d) => d.status === 'withheld' || d.status === 'lost');
  const replaceable = pick((d) => d.status !== 'replacement_requested');
  const requested = pick((d) => d.status === 'replacement_requested');
  const documentField = (choices: { value: string; label: string }[]) => ({
    name: 'documentId',
    kind: 'select' as const,
    label: t('legalStatus.documents.document'),
    required: true,
    options: choices,
  });
  return (
    <SectionCard
      title={t('legalStatus.documents.title')}
      empty={documents.length ? undefined : t('legalStatus.documents.none')}
    >
      <Stack>
        {documents.length > 0 && (
          <ListTable
            caption={t('legalStatus.documents.recorded')}
            headers={[
              t('legalStatus.documents.kind'),
              t('legalStatus.status'),
              t('legalStatus.documents.validUntil'),
              t('legalStatus.documents.channel'),
            ]}
            rows={documents.map((document) => ({
              key: document.documentId,
              cells: [
                t(`legalStatus.documentKinds.${document.kind}`),
                t(`legalStatus.documentStatus.${document.status}`),
                document.validUntil ? format.date(document.validUntil) : '—',
                document.channel ? t(`legalStatus.channels.${document.channel}`) : '—',
              ],
            }))}
          />
        )}
        {canRecord && (
          <CommandForm<Recording>
            {...common}
            submitLabel={t('legalStatus.documents.record')}
            fields={[
              {
                name: 'kind',
                kind: 'select',
                label: t('legalStatus.documents.kind'),
                required: true,
                options: options(t, 'legalStatus.documentKinds', KINDS),
              },
              {
                name: 'status',
                kind: 'select',
                label: t('legalStatus.documents.where'),
                required: true,
                options: options(t, 'legalStatus.documentStatus', FOUND),
              },
              {
                name: 'validUntil',
                kind: 'date',
                label: t('legalStatus.documents.validUntil'),
                description: t('legalStatus.documents.validUntilHint'),
              },
            ]}
            toBody={(values) => ({
              kind: required(KINDS, values.kind),
              status: required(FOUND, values.status),
              validUntil: text(values, 'validUntil'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/documents', {
                  params: { path: { id: view.caseId }, header },
                  body,
                }),
              )
            }
          />
        )}
        {canRecord && recoverable.length > 0 && (
          <CommandForm<Recovery & { documentId?: string }>
            {...common}
            submitLabel={t('legalStatus.documents.recover')}
            fields={[
              documentField(recoverable),
              { name: 'validUntil', kind: 'date', label: t('legalStatus.documents.validUntil') },
            ]}
            toBody={(values) => ({
              documentId: chosen(values.documentId),
              validUntil: text(values, 'validUntil'),
            })}
            send={({ documentId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/documents/{documentId}/recovery', {
                  params: { path: { id: view.caseId, documentId: documentId ?? '' }, header },
                  body,
                }),
              )
            }
          />
        )}
        {canRecord && replaceable.length > 0 && (
          <CommandForm<Replacement & { documentId?: string }>
            {...common}
            submitLabel={t('legalStatus.documents.requestReplacement')}
            fields={[
              documentField(replaceable),
              {
                name: 'channel',
                kind: 'select',
                label: t('legalStatus.documents.channel'),
                required: true,
                description: t('legalStatus.documents.channelHint'),
                options: options(t, 'legalStatus.channels', CHANNELS),
              },
            ]}
            toBody={(values) => ({
              documentId: chosen(values.documentId),
              channel: required(CHANNELS, values.channel),
            })}
            send={({ documentId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/documents/{documentId}/replacement-request', {
                  params: { path: { id: view.caseId, documentId: documentId ?? '' }, header },
                  body,
                }),
              )
            }
          />
        )}
        {canRecord && requested.length > 0 && (
          <CommandForm<Issue & { documentId?: string }>
            {...common}
            submitLabel={t('legalStatus.documents.issue')}
            fields={[
              documentField(requested),
              {
                name: 'validUntil',
                kind: 'date',
                label: t('legalStatus.documents.validUntil'),
                required: true,
              },
            ]}
            toBody={(values) => ({
              documentId: chosen(values.documentId),
              validUntil: text(values, 'validUntil') ?? '',
            })}
            send={({ documentId, ...body }, header) =>
              data(
                nrm.POST('/api/cases/{id}/documents/{documentId}/issue', {
                  params: { path: { id: view.caseId, documentId: documentId ?? '' }, header },
                  body,
                }),
              )
            }
          />
        )}
      </Stack>
    </SectionCard>
  );
}
