import { forwardRef } from 'react';
import { useStore } from 'zustand';
import { Icon } from '../../../components/Icon';
import { benchMark } from '../../../app/benchMark';
import { useServices } from '../../../app/services';
import { useT } from '../../../i18n/useT';

/** User Timing mark the bench reads: a keystroke in the search box (detail: the query, in a bench build only). */
export const SEARCH_TYPED = 'comptoir:search-typed';

/** Search as you type; Esc clears it. The page focuses it on / or Ctrl+K. */
export const SearchBox = forwardRef<HTMLInputElement>(function SearchBox(_props, ref) {
  const t = useT();
  const { customerList } = useServices();
  const query = useStore(customerList, (s) => s.query);
  const setQuery = (value: string) => customerList.getState().setQuery(value);
  return (
    <div className="search" role="search">
      <Icon name="search" />
      <input
        ref={ref}
        type="search"
        value={query}
        aria-label={t('customers.search.label')}
        placeholder={t('customers.search.placeholder')}
        aria-keyshortcuts="/ Control+K"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          benchMark(SEARCH_TYPED, event.target.value);
          setQuery(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.preventDefault();
            setQuery('');
          }
        }}
      />
      <kbd aria-hidden="true">/</kbd>
    </div>
  );
});
