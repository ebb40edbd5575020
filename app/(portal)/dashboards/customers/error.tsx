'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function CustomersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="customers dashboard" reset={reset} />;
}
