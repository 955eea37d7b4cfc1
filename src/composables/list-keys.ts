/**
 * Where a key moves the focus in a list of `count` rows, `pageRows` of which fit on screen: arrows by one,
 * Page Up/Down by a screen, Home/End to the ends. Undefined for keys that do not move.
 * Shared by the people grid and the structure tree, so both lists answer the same keys the same way.
 */
export function listKeyTarget(key: string, index: number, count: number, pageRows: number): number | undefined {
  const page = Math.max(1, pageRows - 1)
  const moves: Record<string, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: count - 1,
  }
  return moves[key]
}
