// Text of an element as a reader sees its lines. `innerText` would give the lines but skips
// hidden nodes (Gmail hides repeated signatures in `.adL`) and is missing in some DOMs;
// `textContent` keeps hidden nodes but runs lines together. This keeps both.

const blockTags = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const skippedTags = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'SVG']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface TextOptions {
  /** stop after about this many characters, so a 5 MB page costs no more than its first part */
  maxChars?: number;
  /** leave out matching elements and their content (e.g. quoted replies) */
  skip?: (element: Element) => boolean;
  /** stop reading at the first matching element (e.g. the header of a quoted reply) */
  stopAt?: (element: Element) => boolean;
}

/** The element's text with a line break around each block element and `<br>`, `<img alt>` as its alt text. */
export function textWithLines(root: Node, { maxChars = 100_000, skip, stopAt }: TextOptions = {}): string {
  const parts: string[] = [];
  let length = 0;
  // An explicit stack: hostile pages nest deeper than the call stack allows.
  const stack: (Node | string)[] = [root];
  while (stack.length && length < maxChars) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      parts.push(item);
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      const text = item.nodeValue ?? '';
      parts.push(text);
      length += text.length;
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    const element = item as Element;
    const tag = element.tagName?.toUpperCase() ?? '';
    if (item !== root && stopAt?.(element)) break;
    if (item !== root && (skippedTags.has(tag) || skip?.(element))) continue;
    if (tag === 'IMG') {
      // Gmail renders emoji as <img data-emoji="🙂" alt="🙂">.
      parts.push(element.getAttribute('alt') || element.getAttribute('data-emoji') || '');
      continue;
    }
    const isBlock = blockTags.has(tag);
    if (isBlock) parts.push('\n');
    if (isBlock) stack.push('\n');
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return parts.join('').replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The element's text on one line (for names, subjects, dates). */
export function inlineText(element: Element | null | undefined, maxChars = 2000): string {
  if (!element) return '';
  return textWithLines(element, { maxChars }).replace(/\s+/g, ' ').trim();
}
