import { useEffect, useState } from 'react';
import type { Customer } from '../../../../shared/domain/customer';
import type { TimelineEntry } from '../../../../shared/domain/timeline';
import { useServices } from '../../../app/services';

interface Record {
  customer: Customer | null;
  timeline: TimelineEntry[];
  error: unknown;
}

/** One customer and its timeline, kept current with every change in the store. */
export function useCustomerRecord(id: string): Record {
  const { core } = useServices();
  const [record, setRecord] = useState<Record>({ customer: null, timeline: [], error: null });

  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([
        core.send('customers.get', { id }),
        core.send('customers.timeline', { id }),
      ]).then(
        ([customer, timeline]) => live && setRecord({ customer, timeline, error: null }),
        (error: unknown) => live && setRecord((r) => ({ ...r, error })),
      );
    void load();
    const stop = core.on('customers.changed', (change) => {
      if (!('ids' in change) || change.ids.includes(id)) void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [core, id]);

  return record;
}
