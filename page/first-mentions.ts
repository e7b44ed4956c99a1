/**
 * Keeps `data-glossary-first` on the first highlight of each entry in document order (for "first
 * mention only"), while highlights arrive in any order and the page removes some of them. A new
 * highlight is compared with the current first of its entry only, never with all of them.
 */
import { HIGHLIGHT_TAG } from './highlight-plan';

export class FirstMentions {
  /** The first highlight of each entry, by entry id. */
  private firsts = new Map<string, HTMLElement>();

  constructor(private readonly root: ParentNode) {}

  /** A new highlight of entry `id`: it becomes the first if nothing of its entry comes before it. */
  note(mark: HTMLElement, id: string): void {
    let current = this.firsts.get(id);
    if (current && !current.isConnected) current = this.findFirst(id);
    if (current && current !== mark && !(mark.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING)) {
      this.firsts.set(id, current);
      return;
    }
    current?.removeAttribute('data-glossary-first');
    mark.setAttribute('data-glossary-first', '');
    this.firsts.set(id, mark);
  }

  /** Firsts the page removed since the last pass are replaced by the next highlight of their entry. */
  repair(): void {
    for (const [id, mark] of this.firsts) {
      if (mark.isConnected) continue;
      const first = this.findFirst(id);
      if (first) this.firsts.set(id, first);
      else this.firsts.delete(id);
    }
  }

  /** Forgets every first (the highlights were all removed). */
  clear(): void {
    this.firsts = new Map();
  }

  /** The first highlight of an entry, after the page removed the one we knew. */
  private findFirst(id: string): HTMLElement | undefined {
    const first = this.root.querySelector<HTMLElement>(`${HIGHLIGHT_TAG}[data-glossary-id="${CSS.escape(id)}"]`);
    first?.setAttribute('data-glossary-first', '');
    return first ?? undefined;
  }
}
