/**
 * Keeps `data-glossary-first` on the first highlight of each entry in page order (for "first
 * mention only"), while highlights arrive in any order and the page removes some of them. A new
 * highlight is compared with the current first of its entry only, never with all of them, and not
 * even with it when both were noted in the same ordered run (one walk of the page, in document
 * order): comparing positions costs the browser a scan of the siblings where the two paths part,
 * thousands of them in a long list. Page order includes open shadow roots (shadow-roots.ts).
 */
import { HIGHLIGHT_TAG } from './highlight-plan';
import { precedes, queryFirstInPage } from './shadow-roots';

export class FirstMentions {
  /** The first highlight of each entry, by entry id. */
  private firsts = new Map<string, HTMLElement>();
  /** The ordered run each first was noted in. */
  private runs = new WeakMap<HTMLElement, number>();

  /** `roots` gives the shadow roots that may hold highlights, besides `root`. */
  constructor(
    private readonly root: ParentNode,
    private readonly roots: () => readonly ShadowRoot[] = () => [],
  ) {}

  /**
   * A new highlight of entry `id`: it becomes the first if nothing of its entry comes before it.
   * `run`, when given, says that the highlights noted with the same run come in page order.
   */
  note(mark: HTMLElement, id: string, run?: number): void {
    let current = this.firsts.get(id);
    if (current && !current.isConnected) current = this.findFirst(id);
    const inOrder = run !== undefined && current !== undefined && this.runs.get(current) === run;
    if (current && current !== mark && (inOrder || precedes(current, mark))) {
      this.firsts.set(id, current);
      return;
    }
    current?.removeAttribute('data-glossary-first');
    mark.setAttribute('data-glossary-first', '');
    this.firsts.set(id, mark);
    if (run !== undefined) this.runs.set(mark, run);
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
    const selector = `${HIGHLIGHT_TAG}[data-glossary-id="${CSS.escape(id)}"]`;
    const first = queryFirstInPage<HTMLElement>(this.root, this.roots(), selector);
    first?.setAttribute('data-glossary-first', '');
    return first ?? undefined;
  }
}
