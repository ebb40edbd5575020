'use client';

import { DashboardError } from '@/components/dashboard/dashboard-error';

export default function LiveMonitorError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <DashboardError label="live monitor" reset={reset} />;
}
