import { DashboardLoading } from '@/components/dashboard/dashboard-loading';

export default function SalesLoading() {
  return <DashboardLoading label="the sales overview" />;
}
