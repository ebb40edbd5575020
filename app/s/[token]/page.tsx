// A shared dashboard, read only, for anyone holding the link: the link's scope (its frozen regions ∩ the
// sharer's regions today), its view when the URL carries no state, the viewer's own filters when it does.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getDatabase } from '@/db/client';
import { clientIp } from '@/lib/auth/record-audit';
import { getShareScope } from '@/lib/auth/share-page-scope';
import { buildDashboardView } from '@/components/dashboards/load-view';
import { recordShareView } from '@/lib/shares/record-view';
import { SHARE_DASHBOARD_TITLES } from '@/lib/auth/share-paths';
import { carriesDashboardState } from '@/lib/filters/dashboard-state';
import { InvalidView } from '@/components/dashboards/dashboard-header';
import { CustomersDashboard } from '@/components/dashboards/customers-dashboard';
import { ProductsDashboard } from '@/components/dashboards/products-dashboard';
import { SalesDashboard } from '@/components/dashboards/sales-dashboard';
import { ShareUnavailable } from '@/components/shares/share-unavailable';

type PageProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DASHBOARDS = { sales: SalesDashboard, products: ProductsDashboard, customers: CustomersDashboard };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const result = await getShareScope((await params).token);
  const title = result.ok ? `${SHARE_DASHBOARD_TITLES[result.scope.owner.share.dashboard]} (shared)` : 'Shared link';
  return { title, robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

export default async function SharedDashboardPage({ params, searchParams }: PageProps) {
  const { token } = await params;
  const result = await getShareScope(token);
  if (!result.ok) return <ShareUnavailable reason={result.reason} />;
  const { scope } = result;
  const share = scope.owner.share;
  const basePath = `/s/${token}`;

  const query = await searchParams;
  const state = carriesDashboardState(query) ? query : new URLSearchParams(share.query);
  const requestHeaders = await headers();
  // A visit is a document load; the viewer's filter changes and live refreshes are RSC requests.
  if (!requestHeaders.get('rsc')) {
    await recordShareView(await getDatabase(), share.shareId, { ip: clientIp(requestHeaders), userAgent: requestHeaders.get('user-agent') });
  }

  const loaded = await buildDashboardView(scope, state, { basePath, exportPath: `${basePath}/export`, shared: true });
  const title = SHARE_DASHBOARD_TITLES[share.dashboard];
  if (!loaded.ok) return <InvalidView title={title} message={loaded.message} status={loaded.status} resetHref={basePath} />;
  const Dashboard = DASHBOARDS[share.dashboard];
  return <Dashboard view={loaded.view} />;
}
