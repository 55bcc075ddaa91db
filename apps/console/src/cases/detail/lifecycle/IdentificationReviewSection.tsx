import { ENUM_VALUES, type RequestBody } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { FactsTable } from '../../../layout/FactsTable';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, required, text } from '../common/field-spec';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Request = RequestBody<'/api/cases/{id}/identification/review', 'post'>;
type Decision = RequestBody<'/api/cases/{id}/identification/review/decision', 'post'>;
const KINDS = ENUM_VALUES['IdentificationReviewDto.kind'];
const OUTCOMES = ENUM_VALUES['IdentificationReviewDecisionDto.outcome'];

/** Review (by the identifying authority) or appeal (by the person) of a concluded identification decision. */
export function IdentificationReviewSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const { status, review } = view.identification;
  const pending = review?.status === 'requested';
  const canRequest =
    status !== 'pending' && !pending && can(role, 'POST /api/cases/{id}/identification/review');
  const canDecide = pending && can(role, 'POST /api/cases/{id}/identification/review/decision');
  if (!review && !canRequest) return null;
  const path = { params: { path: { id: view.caseId } } };
  return (
    <SectionCard title={t('lifecycles.review.title')}>
      {review && (
        <FactsTable
          rows={[
            [t('lifecycles.review.kind'), t(`lifecycles.reviewKinds.${review.kind}`)],
            [t('lifecycles.review.status'), t(`lifecycles.reviewStatuses.${review.status}`)],
            [t('lifecycles.review.requestedAt'), format.dateTime(review.requestedAt)],
            ...(review.decidedAt
              ? ([[t('lifecycles.review.decidedAt'), format.dateTime(review.decidedAt)]] as [
                  string,
                  string,
                ][])
              : []),
          ]}
        />
      )}
      {canRequest && (
        <CommandForm<Request>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('lifecycles.review.request')}
          fields={[
            {
              name: 'kind',
              kind: 'select',
              label: t('lifecycles.review.kind'),
              required: true,
              options: options(t, 'lifecycles.reviewKinds', KINDS),
            },
            { name: 'grounds', kind: 'textarea', label: t('lifecycles.review.grounds'), required: true },
            { name: 'requestedAt', kind: 'datetime', label: t('lifecycles.review.requestedAt') },
          ]}
          toBody={(values) => ({
            kind: required(KINDS, values.kind),
            grounds: text(values, 'grounds') ?? '',
            requestedAt: instant(values, 'requestedAt'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/identification/review', {
                params: { ...path.params, header },
                body,
              }),
            )
          }
        />
      )}
      {canDecide && (
        <CommandForm<Decision>
          caseId={view.caseId}
          revision={revision}
          onReload={onReload}
          submitLabel={t('lifecycles.review.decide')}
          fields={[
            {
              name: 'outcome',
              kind: 'select',
              label: t('lifecycles.review.outcome'),
              required: true,
              description: t('lifecycles.review.outcomeHelp'),
              options: options(t, 'lifecycles.reviewOutcomes', OUTCOMES),
            },
            { name: 'reasons', kind: 'textarea', label: t('lifecycles.review.reasons') },
          ]}
          toBody={(values) => ({
            outcome: required(OUTCOMES, values.outcome),
            reasons: text(values, 'reasons'),
          })}
          send={(body, header) =>
            data(
              nrm.POST('/api/cases/{id}/identification/review/decision', {
                params: { ...path.params, header },
                body,
              }),
            )
          }
        />
      )}
    </SectionCard>
  );
}
