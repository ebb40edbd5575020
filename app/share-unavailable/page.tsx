// Where middleware sends a dead share link (status 410, or 404 for an unknown one).
import type { Metadata } from 'next';
import { z } from 'zod';
import { ShareUnavailable } from '@/components/shares/share-unavailable';

export const metadata: Metadata = { title: 'Shared link unavailable', robots: { index: false } };

const reasonSchema = z.enum(['unknown', 'expired', 'revoked', 'stopped']).catch('unknown');

export default async function ShareUnavailablePage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  return <ShareUnavailable reason={reasonSchema.parse((await searchParams).reason)} />;
}
