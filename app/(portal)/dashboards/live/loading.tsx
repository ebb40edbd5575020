import { DashboardLoading } from '@/components/dashboards/dashboard-loading';

export default function LiveMonitorLoading() {
  return <DashboardLoading label="the live monitor" />;
}
