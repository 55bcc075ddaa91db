import type { Schema } from '@nrm/api-client';
import type { TFunction } from 'i18next';

type Message = Schema<'HandoverMessage'>;

/** A message's kind in words ("handover.accepted" → its translation; dots are key separators). */
export const kindInWords = (t: TFunction, kind: Message['kind'] | undefined): string =>
  kind ? t(`casework.messageKinds.${kind.replace(/[.-]/g, '_')}`) : '—';

/** An outcome such as "rejected:bad-signature": its first part in words, the node's reason as it came. */
export function outcomeInWords(t: TFunction, outcome: string): string {
  const [head, ...reason] = outcome.split(':');
  const words = t(`casework.messageOutcomes.${head}`, { defaultValue: head });
  return reason.length ? `${words}: ${reason.join(':')}` : words;
}
