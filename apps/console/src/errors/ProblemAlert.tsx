import { Alert, Button, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asApiError, isNetworkError } from '../api/problems';

/**
 * What went wrong, in words: a 422 by its rule id (one message per rule, in the user's language, with
 * the node's detail beneath), a 409 with an offer to reload, a 400's fields as a summary list.
 */
export function ProblemAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isNetworkError(error))
    return (
      <Alert color="orange" role="alert" title={t('connection.lostTitle')}>
        {t('connection.keptTyping')}
      </Alert>
    );
  const api = asApiError(error);
  const problem = api?.problem;
  if (problem && 'rule' in problem)
    return (
      <Alert color="red" role="alert" title={t('problems.ruleTitle')}>
        <div>{t(`rules.${problem.rule}`)}</div>
        <div>{problem.detail}</div>
      </Alert>
    );
  if (api?.status === 409)
    return (
      <Alert color="yellow" role="alert" title={t('problems.conflictTitle')}>
        <div>{t('problems.conflictBody')}</div>
        {onReload && (
          <Button mt="sm" size="xs" onClick={onReload}>
            {t('problems.reload')}
          </Button>
        )}
      </Alert>
    );
  if (problem && 'errors' in problem)
    return (
      <Alert color="red" role="alert" title={t('problems.invalidTitle')}>
        <List size="sm">
          {problem.errors.map((item) => (
            <List.Item key={`${item.field}:${item.message}`}>
              {item.field ? `${item.field}: ` : ''}
              {item.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  if (api?.status === 403)
    return (
      <Alert color="red" role="alert" title={t('problems.forbiddenTitle')}>
        {t('problems.forbiddenBody')}
      </Alert>
    );
  return (
    <Alert color="red" role="alert" title={t('problems.genericTitle')}>
      {problem?.detail ?? api?.summary ?? String(error)}
    </Alert>
  );
}
