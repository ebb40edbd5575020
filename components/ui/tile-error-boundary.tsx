'use client';

import { Component, type ReactNode } from 'react';

/** Keeps one failing tile from taking the whole dashboard down: it shows a short message in its place. */
export class TileErrorBoundary extends Component<{ title: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
        <p className="font-medium">{this.props.title} could not be loaded.</p>
        <button type="button" className="mt-2 underline" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}
