/**
 * Writing highlights into the page: the mentions of a text node wrapped in two changes to the page
 * (highlight-plan.ts: the pieces it becomes), the pieces of each node remembered, the first
 * mention of each entry kept (first-mentions.ts), and the highlights of entries switched off
 * marked so as they are made (highlight-style.ts).
 */
import type { Mention } from '../glossary/matcher';
import type { FirstMentions } from './first-mentions';
import { highlightPieces, SWITCHED_OFF } from './highlight-plan';

export class Wrapping {
  /**
   * Text nodes split, keyed by the original node (which keeps the text before the first
   * highlight), with the nodes that follow it. When a page script later rewrites or removes the
   * original node (as React does), those followers are stale and are removed.
   */
  private splits = new WeakMap<Text, Node[]>();

  constructor(
    private readonly firsts: FirstMentions,
    private readonly switchedOff?: (id: string, category: string) => boolean,
  ) {}

  /** Wraps the mentions of one text node, read in ordered run `run`; returns how many highlights it made. */
  wrap(node: Text, mentions: Mention[], run: number): number {
    if (!node.parentNode) return 0;
    const marks: HTMLElement[] = [];
    const pieces = highlightPieces(node.data, mentions, marks);
    // The original node keeps the text before the first mention (a page script may hold it);
    // the rest goes in after it at once: two changes to the page, whatever the number of mentions.
    const before = pieces.shift() as Text;
    node.data = before.data;
    node.after(...pieces);
    // A node looked at again (page-evidence.ts) keeps the pieces of its first split too.
    this.splits.set(node, [...pieces, ...(this.splits.get(node) ?? [])]);
    // The marks come in the mentions' order, each before those nested in it: their entries are
    // known without reading them back from the page.
    let k = 0;
    const note = (nested: readonly Mention[]) => {
      for (const { id, category, inner } of nested) {
        const mark = marks[k++] as HTMLElement;
        if (this.switchedOff?.(id, category)) mark.setAttribute(SWITCHED_OFF, '');
        this.firsts.note(mark, id, run);
        note(inner);
      }
    };
    note(mentions);
    return marks.length;
  }

  /** The text nodes that followed `node` when it was split (to look at them again with it). */
  textPiecesOf(node: Text): Text[] {
    return (this.splits.get(node) ?? []).filter((piece): piece is Text => piece.nodeType === Node.TEXT_NODE);
  }

  /** A page script rewrote or removed `node`: the pieces that followed it are stale, and go. */
  dropFollowers(node: Node): void {
    const followers = node.nodeType === Node.TEXT_NODE ? this.splits.get(node as Text) : undefined;
    if (!followers) return;
    for (const follower of followers) follower.parentNode?.removeChild(follower);
    this.splits.delete(node as Text);
  }

  /** Forgets every split (the highlights were all removed). */
  forget(): void {
    this.splits = new WeakMap();
  }
}
