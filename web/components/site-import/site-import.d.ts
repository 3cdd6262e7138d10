// btalk-forms/site-import: <btalk-site-import>, bulk site import.
import type { BtalkClient } from '../../client.js';

export type RowStatus = 'ready' | 'problems' | 'notCovered';
/** checking: the row's order had an unknown outcome and the voicesites are being listed to find it. */
export type RunState = 'pending' | 'ordering' | 'checking' | 'ordered' | 'addressing' | 'done' | 'orderFailed' | 'addressFailed';

export interface ImportProblem { field: string; code: string; message: string }

export interface RunRecord {
  /** The row's line number in the file (the header is line 1). */
  key: number;
  reference: string;
  state: RunState;
  orderId: string;
  voiceSiteId: string;
  /**
   * message: English (the result CSV's); key and params: the element's catalogue text for it, when the element
   * words it (row.notFound, row.lookupFailed, row.nameTaken, row.noSiteId, row.notListedYet).
   */
  error: { message: string; status: number; problems: ImportProblem[]; key?: string; params?: Record<string, string> } | null;
  /** The order's answer was lost and its voicesite was found in the list. */
  found?: boolean;
  /** Attempts whose outcome is unknown, looked up before the order is sent again. */
  doubt?: Array<{ customerCode: string; technicalSiteName: string; customerSiteLabel: string; country: string; vpnId: string }>;
}

export interface ImportRow {
  number: number;
  cells: string[];
  check: { status: RowStatus; problems: ImportProblem[]; order: Record<string, string>; address: Record<string, string> } | null;
  record: RunRecord | null;
}

export interface ImportCounts {
  total: number; done: number; ordered: number; failed: number; addressFailed: number;
  pending: number; active: number; finished: number;
}

/** Where progress is kept between page loads (default: IndexedDB). Never holds a secret. */
export interface ImportProgressStore {
  saveImport(meta: object): Promise<void>;
  loadImport(importId: string): Promise<object | null>;
  listImports(): Promise<object[]>;
  saveRecord(importId: string, record: RunRecord): Promise<void>;
  loadRecords(importId: string): Promise<RunRecord[]>;
  deleteImport(importId: string): Promise<void>;
}

export class BtalkSiteImport extends HTMLElement {
  client: BtalkClient;
  credentials: (() => Promise<{ accessToken: string; apiKey: string }>) | null;
  strings: Record<string, string | Record<string, string>> | null;
  store: ImportProgressStore;
  readonly rows: ImportRow[];
  readonly importId: string;
  importFile(file: File): Promise<void>;
  importText(text: string, name?: string): Promise<void>;
  validate(): Promise<void>;
  order(): Promise<ImportCounts | undefined>;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** The result file: the file's columns plus voiceSiteId, orderId, status, problems. */
  resultCsv(): Promise<string>;
}

export interface BtalkImportProgressDetail { phase: 'validating' | 'ordering'; done: number; total: number; counts?: ImportCounts }
export interface BtalkImportRowDetail {
  row: number; state: RunState; reference: string; orderId: string; voiceSiteId: string;
  error: RunRecord['error']; technicalSiteName?: string;
}
export interface BtalkImportDoneDetail { counts: ImportCounts; cancelled: boolean }

declare global {
  interface HTMLElementTagNameMap { 'btalk-site-import': BtalkSiteImport }
  interface HTMLElementEventMap {
    'btalk-import-progress': CustomEvent<BtalkImportProgressDetail>;
    'btalk-import-row': CustomEvent<BtalkImportRowDetail>;
    'btalk-import-done': CustomEvent<BtalkImportDoneDetail>;
  }
}
