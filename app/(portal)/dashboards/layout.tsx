// Every dashboard shares one change stream per tab: the provider lives here, above the pages, so moving
// between dashboards keeps the connection (pages say what they watch through their header).
import { LiveUpdatesProvider } from '@/components/live/live-updates';

export default function DashboardsLayout({ children }: { children: React.ReactNode }) {
  return <LiveUpdatesProvider>{children}</LiveUpdatesProvider>;
}
