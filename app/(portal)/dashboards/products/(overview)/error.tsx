'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function ProductsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="products dashboard" error={error} reset={reset} />;
}
