/** A download file name from a chart title: "Top 10 stores" → "top-10-stores". */
export function fileNameOf(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
}
