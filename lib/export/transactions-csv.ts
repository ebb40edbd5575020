// The CSV of the detail table, produced as a stream: batches of lines are read (each in its own scoped
// transaction) only as fast as the client takes them, so memory stays flat whatever the row count.
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ResolvedFilters } from '@/lib/filters/resolve-filters';
import { listTransactionsAfter, type ExportCursor, type TransactionRow } from '@/lib/queries/list-transactions';
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
  filters: ResolvedFilters,
  sort: string | undefined,
  onDone?: (rows: number) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: ExportCursor | null = null;
  let started = false;
  let finished = false;
  let count = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(COLUMNS.map((c) => c.header))));
        return;
      }
      if (finished) return;
      try {
        const batch = await listTransactionsAfter(db, scope, filters, sort, cursor, EXPORT_BATCH_SIZE);
        count += batch.rows.length;
        if (batch.rows.length) controller.enqueue(encoder.encode(batch.rows.map((r) => csvLine(COLUMNS.map((c) => c.value(r)))).join('')));
        cursor = batch.next;
        if (!cursor) {
          finished = true;
          onDone?.(count);
          controller.close();
        }
      } catch (error) {
        console.error('[retailwave] export failed', error);
        controller.error(new Error('export failed'));
      }
    },
  });
}
