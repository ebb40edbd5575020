import { DashboardLoading } from '@/components/dashboards/dashboard-loading';

export default function ProductLoading() {
  return <DashboardLoading label="the product" />;
}
