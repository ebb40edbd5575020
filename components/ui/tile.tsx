import { Suspense, type ReactNode } from 'react';
import { Skeleton } from './skeleton';
import { TileErrorBoundary } from './tile-error-boundary';

/** A chart card's height: a chart frame, its toolbar strip and the card's title and padding. */
export const CHART_TILE_HEIGHT = 406;

/**
 * A dashboard tile: streams in behind a skeleton of its own height and fails on its own. The skeleton is
 * as tall as what replaces it (`height` in pixels, or Tailwind height classes where it depends on the
 * width), so nothing below jumps when a tile arrives (cumulative layout shift).
 */
export function Tile({ title, height = CHART_TILE_HEIGHT, className = '', children }: { title: string; height?: number | string; className?: string; children: ReactNode }) {
  const skeleton = typeof height === 'number' ? <Skeleton className="w-full" style={{ height }} /> : <Skeleton className={`w-full ${height}`} />;
  return (
    <div className={className}>
      <TileErrorBoundary title={title}>
        <Suspense fallback={skeleton}>{children}</Suspense>
      </TileErrorBoundary>
    </div>
  );
}
