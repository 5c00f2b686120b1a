import { useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { KpiDashboard } from '../../../../shared/contract/kpi';
import type { KpiBucket, KpiCompare } from '../../../../shared/kpi/kpiTypes';
import { localDay } from '../../../../shared/export/exportColumns';
import { XLSX_MIME_TYPE } from '../../../../shared/export/xlsx';
import { AppError } from '../../../../shared/errors';
import type { SegmentSummary } from '../../../../shared/segments/savedSegment';
import { errorText } from '../../../app/errorText';
import { useServices } from '../../../app/services';
import { useToastStore } from '../../../components/toastStore';
import { formatDateTime } from '../../../i18n/format';
import { useLanguageStore } from '../../../i18n/languageStore';
import { useT } from '../../../i18n/useT';
import { saveFile } from '../../export/saveFile';
import { dashboardFormats } from '../components/formats';
import { chartsFromPage } from './chartsFromPage';
import { reportAbout, reportHtml, type ReportInput } from './reportHtml';
import type { Translate } from './reportKpis';
import { reportWorkbook } from './reportWorkbook';

/** The dashboard's filters as its controls hold them. */
export interface ReportFilters {
  from: number;
  to: number;
  bucket: KpiBucket;
  compare: KpiCompare | 'none';
  /** A saved segment's id, or '' for everyone; likewise '' for every channel and city. */
  segment: string;
  channel: string;
  city: string;
}

export interface ReportPackButtonProps {
  /** The board on screen; null before the first one. */
  board: KpiDashboard | null;
  filters: ReportFilters;
  segments: readonly SegmentSummary[];
}

/** The failure in the user's words; printing has two of its own. */
function reportErrorText(error: unknown, t: Translate): string {
  if (error instanceof AppError && error.code === 'FORBIDDEN') return t('report.popupBlocked');
  if (error instanceof AppError && error.code === 'VALIDATION') return t('report.tooLarge');
  return errorText(error, t);
}

/**
 * "Export report pack": the dashboard as shown (its figures, and its charts as drawn at the
 * click) printed to an A4 PDF by the host, then its tables saved as an Excel workbook. A
 * cancelled PDF save dialog cancels the pack.
 */
export function ReportPackButton({ board, filters, segments }: ReportPackButtonProps) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const { host, fileSettings } = useServices();
  const currency = useStore(fileSettings, (s) => s.settings.currency);
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  // The dashboard drops an answer that is no longer wanted, so a board answers the filters
  // held when it arrives; filters changed since then mean a newer board is on its way.
  const key = JSON.stringify(filters);
  const [answered, setAnswered] = useState({ board, key });
  if (answered.board !== board) setAnswered({ board, key });
  const shownBoard = answered.key === key ? board : null;
  const unavailable = !shownBoard;

  const exportPack = async () => {
    if (!shownBoard || busy) return;
    setBusy(true);
    try {
      const query = {
        from: filters.from,
        to: filters.to,
        bucket: filters.bucket,
        compare: filters.compare === 'none' ? null : filters.compare,
        channel: filters.channel || null,
        city: filters.city.trim() || null,
      };
      const input: ReportInput = {
        board: shownBoard,
        query,
        segmentName: filters.segment
          ? (segments.find((s) => s.id === filters.segment)?.name ?? null)
          : null,
        // The settings have no business name yet; the cover shows one when they do.
        business: null,
        language,
        t,
        format: dashboardFormats(language, currency),
        generatedAt: Date.now(),
        charts: chartsFromPage(button.current?.closest('.dashboard-page') ?? document),
      };
      const base = t('report.fileName', {
        from: localDay(query.from),
        to: localDay(query.to - 1),
      });
      // No await before this call: browser mode opens the report's tab within the click.
      const pdf = await host.send('host.printPdf', {
        name: `${base}.pdf`,
        html: reportHtml(input),
      });
      if (!pdf.saved && !pdf.openedInBrowser) return;
      const about = [
        ...reportAbout(input),
        [t('report.generated', { date: formatDateTime(language, input.generatedAt) })],
      ];
      const xlsx = { name: `${base}.xlsx`, mime: XLSX_MIME_TYPE };
      const savedXlsx = await saveFile(host, {
        ...xlsx,
        bytes: reportWorkbook({ board: shownBoard, t, currency, about }),
      });
      if (pdf.openedInBrowser) showToast(t('report.doneBrowser', { xlsx: xlsx.name }));
      else if (savedXlsx) showToast(t('report.done', { pdf: `${base}.pdf`, xlsx: xlsx.name }));
      else showToast(t('report.donePdf', { pdf: `${base}.pdf` }));
    } catch (error) {
      showToast(reportErrorText(error, t), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-pack">
      <button
        ref={button}
        type="button"
        className="button-secondary"
        // Focusable while unavailable, so the keyboard finds it and hears why.
        aria-disabled={unavailable || busy}
        aria-describedby={reasonId}
        title={unavailable ? t('report.waitLoading') : t('report.about')}
        onClick={() => void exportPack()}
      >
        {busy ? t('report.exporting') : t('report.export')}
      </button>
      <span id={reasonId} className={unavailable ? 'report-pack-reason' : 'visually-hidden'}>
        {unavailable ? t('report.waitLoading') : t('report.about')}
      </span>
    </div>
  );
}
