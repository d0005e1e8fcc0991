import { Paragraph } from '@zendeskgarden/react-typography';
import { useMemo, useState } from 'react';
import { catalogueFacets, filterCatalogue, type CatalogueFilter } from '../../core/template/catalogue';
import type { RemovalOutcome } from '../../store/templateCatalogue';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { useHerald } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import { CatalogueFailures } from '../templates/CatalogueFailures';
import { SetupNotice } from '../components/SetupNotice';
import { RemovalReport } from '../templates/RemovalReport';
import { TemplateDetail } from '../templates/TemplateDetail';
import { TemplateEditor } from '../templates/TemplateEditor';
import { TemplateList } from '../templates/TemplateList';
import { TemplateToolbar } from '../templates/TemplateToolbar';
import { useTemplateCatalogue } from '../templates/useTemplateCatalogue';
import { ChannelsBlock, type ChannelsState } from './ChannelsBlock';

type View = { kind: 'list' } | { kind: 'detail'; key: string } | { kind: 'editor' };

interface Removal {
  name: string;
  outcomes: RemovalOutcome[];
}

/** The WhatsApp and SMS template catalogue: list, detail and the editor. */
export function TemplatesSection({ channels }: { channels: ChannelsState }) {
  const { t } = useI18n();
  const { rights } = useHerald();
  const catalogue = useTemplateCatalogue(channels.data);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [filter, setFilter] = useState<CatalogueFilter>({});
  const [removal, setRemoval] = useState<Removal | undefined>();
  // Back on the list from the editor or a template, or after the setup: the list's title takes the focus.
  const [listFocus, setListFocus] = useState(0);
  const backToList = () => {
    setView({ kind: 'list' });
    setListFocus((count) => count + 1);
  };
  const templates = catalogue.data?.templates;
  const facets = useMemo(() => catalogueFacets(templates ?? []), [templates]);
  const shown = useMemo(() => filterCatalogue(templates ?? [], filter), [templates, filter]);

  if (channels.status !== 'success' || channels.data === undefined) {
    return (
      <Section title={t('templates.title')} intro={t('templates.intro')}>
        <ChannelsBlock channels={channels} />
      </Section>
    );
  }
  const integrations = channels.data;
  const smsAvailable = catalogue.status === 'success' && catalogue.data?.smsNotSetUp === false;

  if (view.kind === 'editor') {
    return (
      <TemplateEditor
        integrations={integrations}
        smsAvailable={smsAvailable}
        onCancel={backToList}
        onDone={() => {
          backToList();
          catalogue.reload();
        }}
      />
    );
  }
  const opened = view.kind === 'detail' ? templates?.find((template) => template.key === view.key) : undefined;
  if (opened) {
    return (
      <TemplateDetail
        template={opened}
        namesakes={templates?.filter((template) => template.name === opened.name) ?? [opened]}
        integrations={integrations}
        onBack={backToList}
        onRemoved={(outcomes) => {
          setRemoval({ name: opened.name, outcomes });
          backToList();
          catalogue.reload();
        }}
      />
    );
  }

  return (
    <Section title={t('templates.title')} intro={t('templates.intro')} focusKey={listFocus}>
      <TemplateToolbar
        filter={filter}
        onFilter={setFilter}
        languages={facets.languages}
        categories={facets.categories}
        onRefresh={catalogue.reload}
        refreshing={catalogue.status === 'loading'}
        onCreate={rights.draft ? () => setView({ kind: 'editor' }) : undefined}
      />
      {!rights.draft && <Paragraph>{t('errors.notAllowed.draft')}</Paragraph>}
      {removal && <RemovalReport name={removal.name} outcomes={removal.outcomes} />}
      {catalogue.status === 'loading' && <Loading label={t('templates.loading')} />}
      {catalogue.status === 'error' && <ErrorNotice error={catalogue.error} title={t('templates.failed')} onRetry={catalogue.reload} />}
      {catalogue.status === 'success' && catalogue.data && (
        <>
          {catalogue.data.smsNotSetUp && (
            <SetupNotice
              title={t('templates.setup.title')}
              body={t('templates.setup.body')}
              onDone={() => {
                catalogue.reload();
                setListFocus((count) => count + 1);
              }}
            />
          )}
          <CatalogueFailures failures={catalogue.data.failures} />
          {templates && templates.length === 0 && <EmptyState title={t('templates.empty')}>{t('templates.emptyHelp')}</EmptyState>}
          {templates && templates.length > 0 && shown.length === 0 && <EmptyState title={t('templates.noMatch')} />}
          {shown.length > 0 && (
            <>
              <Paragraph role="status">{t('templates.shown', { count: shown.length, total: templates?.length ?? 0 })}</Paragraph>
              <TemplateList templates={shown} onOpen={(key) => setView({ kind: 'detail', key })} />
            </>
          )}
        </>
      )}
    </Section>
  );
}
