import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'RetailWave', template: '%s · RetailWave' },
  description: 'Sales analytics for retail teams',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Sets the theme class before first paint so a dark-mode user never sees a white flash.
const themeScript = `(()=>{try{const t=localStorage.getItem('rw-theme');const d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
