import { Field, Toggle } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { Fragment, useId } from 'react';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import { DefinitionList } from '../components/DefinitionList';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { useI18n } from '../i18n/I18nProvider';
import { SidebarBlock, SidebarHeading } from './SidebarBlock';
import type { UserListState, useUserLists } from './useUserLists';

interface UserListsPanelProps {
  lists: ReturnType<typeof useUserLists>;
  /** The person's usable number in E.164, for the notes on entries that name it. */
  phone: string | undefined;
  /** May change the lists (the campaign drafters' right); otherwise the state is shown read-only. */
  canChange: boolean;
}

/** Whether this person is on the block and allow lists, and toggles to change it for those allowed to. */
export function UserListsPanel({ lists, phone, canChange }: UserListsPanelProps) {
  const { t } = useI18n();
  const { state, firstLoad, block, allow, standing, busy, failure, lastChange, setListed } = lists;
  const number = phone ? formatPhoneForDisplay(phone) : '';
  const titleId = useId();

  /** Why the person is on a list without an entry of their own, if so. */
  const notes = (list: UserListState): string[] => [
    ...(list.membership.byPhone ? [t('user.lists.byPhone', { number })] : []),
    ...(list.membership.byOtherUsersEntry ? [t('user.lists.byOtherUser', { number })] : []),
  ];

  return (
    <SidebarBlock aria-labelledby={titleId}>
      <SidebarHeading id={titleId}>{t('user.lists.title')}</SidebarHeading>
      {firstLoad && <Loading label={t('user.lists.loading')} />}
      {state.status === 'error' && !block && <ErrorNotice error={state.error} title={t('user.lists.failed')} onRetry={state.reload} />}
      {block && allow && (
        <>
          {canChange ? (
            [block, allow].map((list) => (
              <Field key={list.kind}>
                <Toggle
                  checked={list.listed}
                  // Never disabled while a change is written: the focus would leave the toggle just used.
                  aria-busy={busy || undefined}
                  // A list that holds them through another user's entry cannot be left from here.
                  disabled={list.listed && !list.removable}
                  onChange={(event) => void setListed(list.kind, event.target.checked)}
                >
                  <Field.Label>{t(`user.lists.${list.kind}`)}</Field.Label>
                  {/* A hint of the field: screen readers read it with the toggle. */}
                  {notes(list).length > 0 && <Field.Hint>{notes(list).join(' ')}</Field.Hint>}
                </Toggle>
              </Field>
            ))
          ) : (
            <>
              <DefinitionList>
                {[block, allow].map((list) => (
                  <Fragment key={list.kind}>
                    <dt>{t(`user.lists.${list.kind}`)}</dt>
                    <dd>{list.listed ? t('user.lists.listed') : t('user.lists.notListed')}</dd>
                  </Fragment>
                ))}
              </DefinitionList>
              {[block, allow].flatMap(notes).map((note) => (
                <SM key={note}>{note}</SM>
              ))}
            </>
          )}
          {standing && <SM>{t(`user.lists.standing.${standing}`)}</SM>}
          {!canChange && <SM>{t('user.lists.readOnly')}</SM>}
        </>
      )}
      {failure !== undefined && <ErrorNotice error={failure} title={t('user.lists.changeFailed')} />}
      {/* Always there, so that screen readers announce what is written into it. */}
      <VisuallyHidden role="status">{lastChange ? t(`user.lists.changed.${lastChange.kind}.${lastChange.listed ? 'on' : 'off'}`) : ''}</VisuallyHidden>
    </SidebarBlock>
  );
}
