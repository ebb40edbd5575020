// Products below their reorder point in the caller's regions (open low-stock alerts), newest first: what,
// where, how many are left, and an acknowledge button for those who may. A product leaves the list when
// its stock recovers or someone acknowledges it.
import Link from 'next/link';
import type { Database } from '@/db/client';
import { scopeCan, type Scope } from '@/lib/auth/scope';
import { formatCount } from '@/lib/format';
import { listAlerts, type AlertRow } from '@/lib/queries/list-alerts';
import { Card } from '@/components/ui/card';
import { AcknowledgeButton } from './acknowledge-button';
import { SeverityBadge } from './severity-badge';
import { AlertList } from './alert-list';
import { productHref } from '@/components/products/product-links';
import { EMPTY_STATE } from '@/lib/filters/dashboard-state';

const SHOWN = 10;

/** The stock figures the ETL keeps in a low-stock alert's detail. */
function stockOf(alert: AlertRow): { product: string; onHand: number | null; reorderPoint: number | null } {
  const d = alert.detail;
  return {
    product: typeof d.product === 'string' ? d.product : alert.subject,
    onHand: typeof d.onHand === 'number' ? d.onHand : null,
    reorderPoint: typeof d.reorderPoint === 'number' ? d.reorderPoint : null,
  };
}

export async function LowStockPanel({ db, scope }: { db: Database; scope: Scope }) {
  const { alerts, total } = await listAlerts(db, scope, { kind: 'low_stock', status: 'open', limit: SHOWN });
  const canAcknowledge = scopeCan(scope, 'acknowledge');
  return (
    <Card title="Low stock" action={<span className="text-xs text-slate-500 dark:text-slate-400" data-testid="low-stock-count">{formatCount(total)} below reorder point</span>}>
      <AlertList label="Low stock">
        {alerts.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">Every product is at or above its reorder point.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="low-stock-alerts">
            {alerts.map((alert) => {
              const stock = stockOf(alert);
              return (
                <li key={alert.id} className="flex items-start gap-3 py-2" data-testid="low-stock-alert" data-subject={alert.subject}>
                  <div className="min-w-0 flex-1 space-y-0.5">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                      <SeverityBadge severity={alert.severity} />
                      <Link href={productHref(alert.subject, EMPTY_STATE)} className="truncate text-brand-700 hover:underline dark:text-brand-300">{stock.product}</Link>
                    </p>
                    <p className="text-xs text-slate-600 dark:text-slate-300">
                      {alert.subject} · {alert.storeCode} · {alert.region}
                      {stock.onHand !== null && stock.reorderPoint !== null && (
                        <> · <span className="tabular-nums">{formatCount(stock.onHand)}</span> on hand, reorder at{' '}
                          <span className="tabular-nums">{formatCount(stock.reorderPoint)}</span></>
                      )}
                    </p>
                  </div>
                  {canAcknowledge && <AcknowledgeButton alertId={alert.id} label={`low stock of ${alert.subject} at ${alert.storeCode}`} />}
                </li>
              );
            })}
          </ul>
        )}
        {total > alerts.length && (
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Showing the {alerts.length} newest of {formatCount(total)}.</p>
        )}
      </AlertList>
    </Card>
  );
}
