import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import { NONCE_HEADER } from '@/lib/auth/public-paths';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'RetailWave', template: '%s · RetailWave' },
  description: 'Sales analytics for retail teams',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Sets the theme class before first paint so a dark-mode user never sees a white flash.
const themeScript = `(()=>{try{const t=localStorage.getItem('rw-theme');const d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The Content-Security-Policy runs only scripts carrying this response's nonce (middleware.ts).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
