import { Group } from '@mantine/core';
import type { Schema } from '@nrm/api-client';
import { AccountHistoryDialog } from './AccountHistoryDialog';
import { DisableUserDialog } from './DisableUserDialog';
import { EditUserDialog } from './EditUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** What an admin may do to one account; never disabling their own (they could not undo it). */
export function UserActions({
  user,
  self,
  onPasswordSet,
  nameOf,
}: {
  user: Schema<'UserView'>;
  self: boolean;
  onPasswordSet: (username: string) => void;
  /** The username of an account id (the history names who did what). */
  nameOf: (userId: string) => string | undefined;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <EditUserDialog user={user} />
      {!self && <DisableUserDialog user={user} />}
      <ResetPasswordDialog user={user} onDone={onPasswordSet} />
      <AccountHistoryDialog user={user} nameOf={nameOf} />
    </Group>
  );
}
