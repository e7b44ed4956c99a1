/**
 * Alternatives as one expression shaped as a trie, so that each position of a text is tested
 * against a few first units rather than against every alternative: V8 runs such an expression
 * several times faster, and compiles it faster too. Pure.
 */

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
  /** The most units below this node: longer branches are tried first. */
  depth: number;
}

/**
 * One expression for all terms, shaped as a trie so that each position of the text is tested
 * against a few first units rather than against every term. Optional endings are greedy, so the
 * longest term wins and shorter ones are found by backtracking.
 */
export function trieSource(terms: readonly string[][]): string {
  const root: TrieNode = { children: new Map(), terminal: false, depth: 0 };
  for (const units of terms) {
    let node = root;
    for (const [i, unit] of units.entries()) {
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), terminal: false, depth: 0 };
        node.children.set(unit, child);
      }
      node.depth = Math.max(node.depth, units.length - i);
      node = child;
    }
    node.terminal = true;
  }
  const emit = (node: TrieNode): string => {
    const branches = [...node.children]
      .sort((a, b) => b[1].depth - a[1].depth)
      .map(([unit, child]) => unit + emit(child));
    if (branches.length === 0) return '';
    if (branches.length === 1 && !node.terminal) return branches[0] as string;
    return `(?:${branches.join('|')})${node.terminal ? '?' : ''}`;
  };
  return emit(root);
}
