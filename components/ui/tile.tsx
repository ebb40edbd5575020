import { Suspense, type ReactNode } from 'react';
import { Skeleton } from './skeleton';
import { TileErrorBoundary } from './tile-error-boundary';

/** A dashboard tile: streams in behind a skeleton of its own height and fails on its own. */
export function Tile({ title, height = 320, className = '', children }: { title: string; height?: number; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <TileErrorBoundary title={title}>
        <Suspense fallback={<Skeleton className="w-full" style={{ height }} />}>{children}</Suspense>
      </TileErrorBoundary>
    </div>
  );
}
