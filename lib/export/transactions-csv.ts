// The CSV of the detail table, produced as a stream: batches of lines are read (each in its own scoped
// transaction) only as fast as the client takes them, so memory stays flat whatever the row count. The
// first batch is read by the caller before the response starts (see export-response.ts).
import 'server-only';
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import type { TableSort } from '@/lib/filters/dashboard-state';
import { listTransactionsAfter, type ExportBatch, type TransactionRow } from '@/lib/queries/list-transactions';
import { csvLine } from './csv';

export const EXPORT_BATCH_SIZE = 5_000;

const COLUMNS: { header: string; value: (r: TransactionRow) => string | number | null }[] = [
  { header: 'occurred_at', value: (r) => r.occurredAt },
  { header: 'transaction_id', value: (r) => r.transactionId },
  { header: 'store_code', value: (r) => r.storeCode },
  { header: 'store', value: (r) => r.storeName },
  { header: 'region', value: (r) => r.region },
  { header: 'category', value: (r) => r.category },
  { header: 'sku', value: (r) => r.sku },
  { header: 'product', value: (r) => r.product },
  { header: 'customer_id', value: (r) => r.customerId },
  { header: 'segment', value: (r) => r.segment },
  { header: 'quantity', value: (r) => r.quantity },
  { header: 'gross', value: (r) => r.gross.toFixed(2) },
  { header: 'discount', value: (r) => r.discount.toFixed(2) },
  { header: 'net', value: (r) => r.net.toFixed(2) },
];

export function transactionsCsvStream(
  db: Database,
  scope: Scope,
  filters: ScopedFilters,
  sort: TableSort | undefined,
  first: ExportBatch,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let ready: ExportBatch | null = first;
  let next = first.next;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(COLUMNS.map((c) => c.header))));
        return;
      }
      try {
        const batch = ready ?? (await listTransactionsAfter(db, scope, filters, sort, next, EXPORT_BATCH_SIZE));
        ready = null;
        next = batch.next;
        if (batch.rows.length) controller.enqueue(encoder.encode(batch.rows.map((r) => csvLine(COLUMNS.map((c) => c.value(r)))).join('')));
        if (!next) controller.close();
      } catch (error) {
        console.error('[retailwave] export failed', error);
        controller.error(new Error('export failed'));
      }
    },
  });
}
