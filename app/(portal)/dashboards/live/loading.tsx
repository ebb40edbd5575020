import { DashboardLoading } from '@/components/dashboard/dashboard-loading';

export default function LiveMonitorLoading() {
  return <DashboardLoading label="the live monitor" />;
}
