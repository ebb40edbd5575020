'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function SalesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="sales overview" error={error} reset={reset} />;
}
