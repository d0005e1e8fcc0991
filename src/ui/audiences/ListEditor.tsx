import { Button } from '@zendeskgarden/react-buttons';
import { Field, FileUpload, Hint, Input, Label } from '@zendeskgarden/react-forms';
import { Body, Cell, Head, HeaderCell, HeaderRow, Row, Table } from '@zendeskgarden/react-tables';
import { Paragraph } from '@zendeskgarden/react-typography';
import { useId, useRef, useState, type FormEvent } from 'react';
import styled from 'styled-components';
import type { CountryCode } from 'libphonenumber-js/max';
import { checkListEntry, type ListEntryProblem } from '../../core/audience/listEntry';
import { formatPhoneForDisplay } from '../../core/phone/formatPhone';
import type { ContactListEntry, ContactListKind, ImportReport } from '../../store/contactLists';
import { CsvSeparatorField, useCsvSeparator } from '../components/CsvSeparatorField';
import { ContactListCsvError, MAX_LIST_FILE_BYTES } from '../../app/errors';
import { ErrorNotice } from '../components/ErrorNotice';
import { Section } from '../components/Section';
import { VisuallyHidden } from '../components/VisuallyHidden';
import { useI18n } from '../i18n/I18nProvider';
import { downloadText } from './download';
import { ImportReportView } from './ImportReportView';
import type { ListActions } from './useContactLists';

const AddForm = styled.form`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: ${(p) => p.theme.space.sm};

  & > div {
    flex: 1 1 160px;
  }
`;

const Actions = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: ${(p) => p.theme.space.sm};
`;

interface ListEditorProps {
  kind: ContactListKind;
  entries: readonly ContactListEntry[];
  actions: ListActions;
  defaultCountry: CountryCode | undefined;
  onChanged: () => void;
  /** The person may change the lists (who may prepare campaigns): otherwise they read and export them. */
  canEdit: boolean;
  /** See `Section`: the list's title takes the focus when this changes. */
  focusKey?: number;
}

/** One list: its entries, adding and removing by hand, CSV import with a per-row report, CSV export. */
export function ListEditor({ kind, entries, actions, defaultCountry, onChanged, canEdit, focusKey }: ListEditorProps) {
  const { t } = useI18n();
  const [separator] = useCsvSeparator();
  const [userId, setUserId] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<ListEntryProblem[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [report, setReport] = useState<ImportReport | undefined>();
  const [importing, setImporting] = useState<{ done: number; total: number } | undefined>();
  const file = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const title = t(`lists.${kind}.title`);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkListEntry({ userId, phone }, defaultCountry);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems([]);
    try {
      await actions.add({ list: kind, userId: check.userId, phone: check.phone, note: note.trim() });
      setUserId('');
      setPhone('');
      setNote('');
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  const remove = async (entry: ContactListEntry) => {
    try {
      await actions.remove(entry);
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  const [dragging, setDragging] = useState(false);
  const importFile = async (chosen: File | undefined) => {
    if (!chosen || importing !== undefined) return;
    setReport(undefined);
    setFailure(undefined);
    if (chosen.size > MAX_LIST_FILE_BYTES) {
      // Said before the browser reads a file it would only refuse.
      setFailure(new ContactListCsvError('too-large'));
      if (file.current) file.current.value = '';
      return;
    }
    setImporting({ done: 0, total: 0 });
    try {
      const result = await actions.importCsv(kind, new Uint8Array(await chosen.arrayBuffer()), (done, total) => setImporting({ done, total }));
      setReport(result);
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setImporting(undefined);
      if (file.current) file.current.value = '';
    }
  };

  return (
    <Section title={title} intro={t(`lists.${kind}.intro`)} level={3} focusKey={focusKey}>
      {failure !== undefined && <ErrorNotice error={failure} title={t('lists.failed')} onRetry={() => setFailure(undefined)} />}
      {!canEdit && <Paragraph>{t('errors.notAllowed.draft')}</Paragraph>}
      {canEdit && (
        <AddForm onSubmit={add} noValidate aria-label={t('lists.addTo', { list: title })}>
          <Field>
            <Field.Label>{t('lists.userId')}</Field.Label>
            <Input value={userId} inputMode="numeric" onChange={(event) => setUserId(event.target.value)} validation={problems.includes('invalid-user-id') ? 'error' : undefined} />
          </Field>
          <Field>
            <Field.Label>{t('lists.phone')}</Field.Label>
            <Input type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} validation={problems.includes('invalid-phone') ? 'error' : undefined} />
          </Field>
          <Field>
            <Field.Label>{t('lists.note')}</Field.Label>
            <Input value={note} onChange={(event) => setNote(event.target.value)} />
          </Field>
          <Button type="submit">{t('lists.add')}</Button>
        </AddForm>
      )}
      {problems.map((problem) => (
        <Paragraph key={problem} role="alert">
          {t(`lists.problem.${problem}`)}
        </Paragraph>
      ))}
      <Actions>
        {canEdit && (
          <div>
            {/* Garden's drop zone, a button that opens the native file input (hidden, and labelled for whoever looks for it). */}
            <Label htmlFor={fileId}>{t('lists.import.label', { list: title })}</Label>
            <Hint id={`${fileId}-hint`}>{t('lists.import.hint')}</Hint>
            <FileUpload
              tabIndex={importing !== undefined ? -1 : 0}
              disabled={importing !== undefined}
              isCompact
              isDragging={dragging}
              aria-describedby={`${fileId}-hint`}
              onClick={() => file.current?.click()}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' && event.key !== ' ') return;
                event.preventDefault();
                file.current?.click();
              }}
              onDragOver={(event) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(event) => {
                event.preventDefault();
                setDragging(false);
                void importFile(event.dataTransfer.files[0]);
              }}
            >
              {t('lists.import.choose', { list: title })}
            </FileUpload>
            <input
              id={fileId}
              ref={file}
              type="file"
              hidden
              accept=".csv,text/csv"
              onChange={(event) => void importFile(event.target.files?.[0])}
              disabled={importing !== undefined}
            />
          </div>
        )}
        <CsvSeparatorField />
        <Button onClick={() => downloadText(`herald-${kind}-list.csv`, actions.exportCsv(entries, kind, separator))} disabled={entries.length === 0}>
          {t('lists.export')}
        </Button>
      </Actions>
      {importing && <Paragraph role="status">{t('lists.import.progress', { done: importing.done, total: importing.total })}</Paragraph>}
      {report && <ImportReportView report={report} />}
      {entries.length === 0 ? (
        <Paragraph>{t('lists.empty')}</Paragraph>
      ) : (
        <Table size="small" aria-label={title}>
          <Head>
            <HeaderRow>
              <HeaderCell>{t('lists.userId')}</HeaderCell>
              <HeaderCell>{t('lists.phone')}</HeaderCell>
              <HeaderCell>{t('lists.note')}</HeaderCell>
              {canEdit && (
                  <HeaderCell>
                    <VisuallyHidden>{t('lists.actions')}</VisuallyHidden>
                  </HeaderCell>
              )}
            </HeaderRow>
          </Head>
          <Body>
            {entries.map((entry) => {
              const label = entry.userId !== null ? String(entry.userId) : (entry.phone ?? '');
              return (
                <Row key={`${entry.userId ?? ''}:${entry.phone ?? ''}`}>
                  <Cell>{entry.userId ?? '—'}</Cell>
                  <Cell>{entry.phone ? formatPhoneForDisplay(entry.phone) : '—'}</Cell>
                  <Cell>{entry.note || '—'}</Cell>
                  {canEdit && (
                      <Cell>
                        <Button size="small" isBasic isDanger onClick={() => void remove(entry)} aria-label={t('lists.removeEntry', { entry: label, list: title })}>
                          {t('lists.remove')}
                        </Button>
                      </Cell>
                  )}
                </Row>
              );
            })}
          </Body>
        </Table>
      )}
    </Section>
  );
}
