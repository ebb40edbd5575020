import { DashboardLoading } from '@/components/dashboard/dashboard-loading';

export default function ProductsLoading() {
  return <DashboardLoading label="the products dashboard" />;
}
