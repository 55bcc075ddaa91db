import { Stack, Text } from '@mantine/core';
import { ENUM_VALUES, type RequestBody, type Schema } from '@nrm/api-client';
import { useTranslation } from 'react-i18next';
import { can } from '../../../access/can';
import { nrm } from '../../../api/nrm';
import { data } from '../../../api/problems';
import { useFormat } from '../../../i18n/format';
import { useUser } from '../../../session/session-store';
import { CommandForm } from '../common/CommandForm';
import { instant, required, several, text } from '../common/field-spec';
import { ListTable } from '../common/ListTable';
import { options } from '../common/options';
import type { SectionProps } from '../common/section-props';
import { SectionCard } from '../common/SectionCard';

type Statement = RequestBody<'/api/cases/{id}/wishes', 'post'>;
type Action = RequestBody<'/api/cases/{id}/wishes/actions', 'post'>;
type WishAction = Schema<'WishActionCaseView'>;
const WISHES = ENUM_VALUES['WishesStatementDto.wishes'];
const ACTIONS = ENUM_VALUES['WishActionDto.action'];

/**
 * The person's own wishes: those of the last statement, each with what was done about it, the
 * statements as they changed, and the forms to state them again and to record an action on one.
 */
export function WishesSection({ view, revision, onReload }: SectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { role } = useUser();
  const wishes = view.wishes;
  const wishName = (wish: string) => t(`wishes.kinds.${wish}`);
  const actionsText = (actions: WishAction[]) =>
    actions.length
      ? actions
          .map((a) =>
            t('wishes.actionAt', {
              action: t(`wishes.actionKinds.${a.action}`),
              when: format.dateTime(a.actedAt),
            }),
          )
          .join('; ')
      : t('wishes.noAction');
  const current = wishes?.current ?? [];
  return (
    <SectionCard title={t('wishes.title')} empty={wishes ? undefined : t('wishes.none')}>
      <Stack gap="sm">
        <Text size="sm">{t('wishes.explain')}</Text>
        {wishes && (
          <>
            <ListTable
              caption={t('wishes.current', { when: format.dateTime(wishes.statedAt) })}
              headers={[t('wishes.wish'), t('wishes.actions')]}
              rows={current.map(({ wish, actions }) => ({
                key: wish,
                cells: [wishName(wish), actionsText(actions)],
              }))}
            />
            <ListTable
              caption={t('wishes.history')}
              headers={[t('wishes.statedAt'), t('wishes.statedWishes')]}
              rows={wishes.statements.map((statement) => ({
                key: statement.statementId,
                cells: [
                  format.dateTime(statement.statedAt),
                  statement.wishes.map(wishName).join(', ') || t('wishes.noneStated'),
                ],
              }))}
            />
            <Text size="sm" c="dimmed">
              {t('wishes.personalHidden')}
            </Text>
          </>
        )}
        {can(role, 'POST /api/cases/{id}/wishes') && (
          <CommandForm<Statement>
            // A new statement remounts the form, so that it starts from the wishes now stated.
            key={wishes?.statements.length ?? 0}
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            submitLabel={t('wishes.state.submit')}
            fields={[
              {
                name: 'wishes',
                kind: 'checkboxes',
                label: t('wishes.state.legend'),
                description: t('wishes.state.help'),
                options: options(t, 'wishes.kinds', WISHES),
              },
              {
                name: 'statedAt',
                kind: 'datetime',
                label: t('wishes.state.statedAt'),
                description: t('wishes.state.statedAtHelp'),
              },
              {
                name: 'inTheirWords',
                kind: 'textarea',
                label: t('wishes.state.inTheirWords'),
                description: t('wishes.state.inTheirWordsHelp'),
              },
            ]}
            defaults={{ wishes: current.map((c) => c.wish) }}
            toBody={(values) => ({
              wishes: several(WISHES, values.wishes),
              statedAt: instant(values, 'statedAt'),
              inTheirWords: text(values, 'inTheirWords'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/wishes', { params: { path: { id: view.caseId }, header }, body }),
              )
            }
          />
        )}
        {current.length > 0 && can(role, 'POST /api/cases/{id}/wishes/actions') && (
          <CommandForm<Action>
            caseId={view.caseId}
            revision={revision}
            onReload={onReload}
            variant="default"
            submitLabel={t('wishes.act.submit')}
            fields={[
              {
                name: 'wish',
                kind: 'select',
                label: t('wishes.act.wish'),
                required: true,
                options: current.map(({ wish }) => ({ value: wish, label: wishName(wish) })),
              },
              {
                name: 'action',
                kind: 'select',
                label: t('wishes.act.action'),
                required: true,
                options: options(t, 'wishes.actionKinds', ACTIONS),
              },
              {
                name: 'actedAt',
                kind: 'datetime',
                label: t('wishes.act.actedAt'),
                description: t('wishes.act.actedAtHelp'),
              },
              {
                name: 'note',
                kind: 'textarea',
                label: t('wishes.act.note'),
                description: t('wishes.act.noteHelp'),
              },
            ]}
            toBody={(values) => ({
              wish: required(WISHES, values.wish),
              action: required(ACTIONS, values.action),
              actedAt: instant(values, 'actedAt'),
              note: text(values, 'note'),
            })}
            send={(body, header) =>
              data(
                nrm.POST('/api/cases/{id}/wishes/actions', {
                  params: { path: { id: view.caseId }, header },
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
