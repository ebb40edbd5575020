export function Skeleton({ className = '', style }: { className?: string; style?: React.CSSProperties }) {
  return <div aria-hidden style={style} className={`animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800 ${className}`} />;
}
