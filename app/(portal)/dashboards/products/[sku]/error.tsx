'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function ProductError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="product page" error={error} reset={reset} />;
}
