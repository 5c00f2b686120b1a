import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { isFiltered, NO_LIST_FILTER } from '../../../../shared/contract/customers';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../../../../shared/domain/customer';
import { useServices } from '../../../app/services';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { KpiDrillChip } from '../../dashboard/components/KpiDrillChip';
import { useSegmentNames } from '../../segments/shownSegment';

/** Quick filters: status chips (any of) and one tag; a segment or dashboard figure shown. */
export function ListFilters() {
  const t = useT();
  const id = useId();
  const { core, customerList } = useServices();
  const filter = useStore(customerList, (s) => s.filter);
  const [tags, setTags] = useState<{ tag: string; count: number }[]>([]);

  useEffect(() => {
    const load = () => void core.send('customers.tags', {}).then(setTags, () => setTags([]));
    load();
    return core.on('customers.changed', load);
  }, [core]);

  const toggle = (status: CustomerStatus) => {
    const statuses = filter.statuses.includes(status)
      ? filter.statuses.filter((s) => s !== status)
      : [...filter.statuses, status];
    customerList.getState().setFilter({ ...filter, statuses });
  };
  const segmentName = useSegmentNames((s) => s.names[filter.segment] ?? '');
  return (
    <div className="list-filters" role="group" aria-label={t('filters.label')}>
      {filter.segment && (
        <span className="chip chip-on segment-chip">
          {t('segments.chip', { name: segmentName })}
          <button
            type="button"
            className="icon-button"
            aria-label={t('segments.chipClear')}
            title={t('segments.chipClear')}
            onClick={() => customerList.getState().setFilter({ ...filter, segment: '' })}
          >
            ×
          </button>
        </span>
      )}
      {filter.kpi && (
        <KpiDrillChip
          drill={filter.kpi}
          onClear={() => customerList.getState().setFilter({ ...filter, kpi: null })}
        />
      )}
      {CUSTOMER_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`chip${filter.statuses.includes(status) ? ' chip-on' : ''}`}
          aria-pressed={filter.statuses.includes(status)}
          onClick={() => toggle(status)}
        >
          {t(`choice.status.${status}` as MessageKey)}
        </button>
      ))}
      <label htmlFor={`${id}-tag`} className="filter-label">
        {t('filters.tag')}
      </label>
      <select
        id={`${id}-tag`}
        value={filter.tag}
        onChange={(e) => customerList.getState().setFilter({ ...filter, tag: e.target.value })}
      >
        <option value="">{t('filters.anyTag')}</option>
        {tags.map(({ tag, count }) => (
          <option key={tag} value={tag}>
            {tag} ({count})
          </option>
        ))}
      </select>
      {isFiltered(filter) && (
        <button
          type="button"
          className="link-button"
          onClick={() => customerList.getState().setFilter(NO_LIST_FILTER)}
        >
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}
