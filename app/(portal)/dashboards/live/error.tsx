'use client';

import { DashboardError } from '@/components/dashboards/dashboard-error';

export default function LiveMonitorError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="live monitor" reset={reset} />;
}
