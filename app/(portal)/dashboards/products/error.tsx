'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function ProductsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="products dashboard" reset={reset} />;
}
