import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import styled from 'styled-components';
import { CATALOGUE_STATUSES, type CatalogueFilter } from '../../core/template/catalogue';
import { useI18n } from '../i18n/I18nProvider';
import { languageName } from './languageName';

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: ${(p) => p.theme.space.sm};

  & > div {
    min-width: 150px;
  }
`;

const Search = styled.div`
  flex: 1 1 220px;
`;

interface TemplateToolbarProps {
  filter: CatalogueFilter;
  onFilter: (filter: CatalogueFilter) => void;
  languages: string[];
  categories: string[];
  onRefresh: () => void;
  onCreate: (() => void) | undefined;
  refreshing: boolean;
}

/** Search, the four filters, the status refresh and "New template". */
export function TemplateToolbar({ filter, onFilter, languages, categories, onRefresh, onCreate, refreshing }: TemplateToolbarProps) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<CatalogueFilter>) => onFilter({ ...filter, ...patch });
  return (
    <Bar role="search" aria-label={t('templates.toolbar.label')}>
      <Search>
        <Field>
          <Field.Label>{t('templates.toolbar.search')}</Field.Label>
          <Input type="search" value={filter.search ?? ''} onChange={(event) => set({ search: event.target.value })} />
        </Field>
      </Search>
      <Field>
        <Field.Label>{t('templates.toolbar.channel')}</Field.Label>
        <Select value={filter.channel ?? ''} onChange={(event) => set({ channel: (event.target.value || undefined) as CatalogueFilter['channel'] })}>
          <option value="">{t('templates.toolbar.all')}</option>
          <option value="whatsapp">{t('templates.preview.whatsapp')}</option>
          <option value="sms">{t('templates.preview.sms')}</option>
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('templates.toolbar.status')}</Field.Label>
        <Select value={filter.status ?? ''} onChange={(event) => set({ status: (event.target.value || undefined) as CatalogueFilter['status'] })}>
          <option value="">{t('templates.toolbar.all')}</option>
          {CATALOGUE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`templates.status.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('templates.toolbar.language')}</Field.Label>
        <Select value={filter.language ?? ''} onChange={(event) => set({ language: event.target.value || undefined })}>
          <option value="">{t('templates.toolbar.all')}</option>
          {languages.map((language) => (
            <option key={language} value={language}>
              {languageName(language, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field>
        <Field.Label>{t('templates.toolbar.category')}</Field.Label>
        <Select value={filter.category ?? ''} onChange={(event) => set({ category: event.target.value || undefined })}>
          <option value="">{t('templates.toolbar.all')}</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {categoryLabel(category, t)}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={onRefresh} disabled={refreshing}>
        {t('templates.toolbar.refresh')}
      </Button>
      {onCreate && (
        <Button isPrimary onClick={onCreate}>
          {t('templates.toolbar.create')}
        </Button>
      )}
    </Bar>
  );
}

export function categoryLabel(category: string, t: ReturnType<typeof useI18n>['t']): string {
  return category === 'MARKETING' || category === 'UTILITY' || category === 'AUTHENTICATION' ? t(`templates.category.${category}`) : category;
}
