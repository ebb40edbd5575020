import { DashboardLoading } from '@/components/dashboards/dashboard-loading';

export default function SalesLoading() {
  return <DashboardLoading label="the sales overview" />;
}
