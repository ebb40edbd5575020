import { DashboardLoading } from '@/components/dashboards/dashboard-loading';

export default function CustomersLoading() {
  return <DashboardLoading label="the customers dashboard" />;
}
