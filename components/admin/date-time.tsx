// A moment shown in the reporting time zone, with the exact instant in the title and dateTime.
export function DateTime({ value, timeZone }: { value: Date | null; timeZone: string }) {
  if (!value) return <span className="text-slate-400">Never</span>;
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).format(value);
  return (
    <time dateTime={value.toISOString()} title={`${value.toISOString()} (UTC)`} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
