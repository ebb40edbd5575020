'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function SalesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="sales overview" reset={reset} />;
}
