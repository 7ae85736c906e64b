// Just enough of the DOM for Preact to render components into under Node, so a test can
// watch what a component shows as its data arrives: elements and text nodes in a tree, their
// attributes and listeners. Import after browser-globals; `container()` is a fresh root.

class FakeNode {
  parentNode: FakeNode | null = null;
  childNodes: FakeNode[] = [];
  constructor(
    readonly nodeType: number,
    readonly localName: string | undefined,
    public data = '',
  ) {}
  get nodeName(): string {
    return this.localName?.toUpperCase() ?? '#text';
  }
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  get nextSibling(): FakeNode | null {
    const siblings = this.parentNode?.childNodes ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  insertBefore(node: FakeNode, before: FakeNode | null): FakeNode {
    node.parentNode?.removeChild(node);
    const at = before ? this.childNodes.indexOf(before) : -1;
    this.childNodes.splice(at < 0 ? this.childNodes.length : at, 0, node);
    node.parentNode = this;
    return node;
  }
  appendChild(node: FakeNode): FakeNode {
    return this.insertBefore(node, null);
  }
  removeChild(node: FakeNode): FakeNode {
    this.childNodes = this.childNodes.filter((child) => child !== node);
    node.parentNode = null;
    return node;
  }
  remove(): void {
    this.parentNode?.removeChild(this);
  }
  get textContent(): string {
    return this.nodeType === 3 ? this.data : this.childNodes.map((child) => child.textContent).join('');
  }
  set textContent(value: string) {
    this.childNodes = [];
    if (value) this.appendChild(new FakeNode(3, undefined, value));
  }
}

class FakeElement extends FakeNode {
  readonly attributes = new Map<string, string>();
  readonly style: Record<string, string> & { setProperty(name: string, value: string): void } = Object.assign(
    {},
    { setProperty: () => undefined },
  );
  constructor(localName: string) {
    super(1, localName);
  }
  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  /** The first element below this one (or this one) whose `data-test` is `name`. */
  find(name: string): FakeElement | null {
    if (this.getAttribute('data-test') === name) return this;
    for (const child of this.childNodes) {
      const found = child instanceof FakeElement ? child.find(name) : null;
      if (found) return found;
    }
    return null;
  }
}

const fakeDocument = document as unknown as Record<string, unknown>;
fakeDocument.createElement = (name: string) => new FakeElement(name);
fakeDocument.createElementNS = (_namespace: string, name: string) => new FakeElement(name);
fakeDocument.createTextNode = (data: string) => new FakeNode(3, undefined, String(data));

export type { FakeElement };

/** A new, empty element to render into. */
export function container(): FakeElement {
  return new FakeElement('div');
}
