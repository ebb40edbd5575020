'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function LiveMonitorError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="live monitor" error={error} reset={reset} />;
}
