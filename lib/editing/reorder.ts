// Move one record up or down among its live siblings, given in the order the
// lists show them. Imported plans may hold duplicate positions, so the
// siblings are renumbered 0..n-1 in that order with the two neighbours
// swapped. Returns only the rows whose position changes, or null when the
// record is already at that end.
export function reorder(shown: { id: number; position: number }[], id: number, direction: "up" | "down"): { id: number; position: number }[] | null {
  const ordered = [...shown];
  const index = ordered.findIndex((s) => s.id === id);
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= ordered.length) return null;
  ordered.splice(Math.min(index, other), 2, ordered[Math.max(index, other)]!, ordered[Math.min(index, other)]!);
  return ordered.map((s, position) => ({ id: s.id, position, was: s.position })).filter((s) => s.position !== s.was).map(({ id, position }) => ({ id, position }));
}

export function nextPosition(positions: { position: number }[]): number {
  return positions.reduce((max, p) => Math.max(max, p.position + 1), 0);
}
