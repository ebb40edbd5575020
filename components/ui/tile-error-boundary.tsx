'use client';

import { Component, type ReactNode } from 'react';
import { viewRefusalMessage } from '@/lib/view-refusals';

/**
 * Keeps one failing tile from taking the whole dashboard down: it shows a short message in its place, and
 * says why when the server refused the view (too broad, or too busy) rather than failed.
 */
export class TileErrorBoundary extends Component<{ title: string; children: ReactNode }, { failed: boolean; refusal?: string }> {
  state: { failed: boolean; refusal?: string } = { failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, refusal: viewRefusalMessage(error) };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
        <p className="font-medium">{this.props.title} could not be loaded.</p>
        {this.state.refusal && <p className="mt-1">{this.state.refusal}</p>}
        <button type="button" className="mt-2 underline" onClick={() => this.setState({ failed: false, refusal: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
