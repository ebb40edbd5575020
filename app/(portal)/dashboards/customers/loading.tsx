import { DashboardLoading } from '@/components/dashboard/dashboard-loading';

export default function CustomersLoading() {
  return <DashboardLoading label="the customers dashboard" />;
}
