import { DashboardLoading } from '@/components/dashboards/dashboard-loading';

export default function ProductsLoading() {
  return <DashboardLoading label="the products dashboard" />;
}
