import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A list of fixed-height rows that renders only what is on screen (plus a few above and below),
 * so 100,000 rows scroll as smoothly as 20. The focused row is kept in view.
 */
export interface VirtualListProps {
  count: number;
  rowHeight: number;
  focused: number;
  label: string;
  renderRow: (index: number) => ComponentChildren;
  onRange: (start: number, end: number) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
}

const OVERSCAN = 8;

export function VirtualList({ count, rowHeight, focused, label, renderRow, onRange, onKeyDown }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  useEffect(() => {
    const element = box.current!;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight || 600 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const start = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  useEffect(() => onRange(start, end), [start, end, count]);
  useEffect(() => {
    const element = box.current;
    if (!element || focused < 0) return;
    const top = focused * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  }, [focused]);
  const rows: ComponentChildren[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <div key={i} class="vrow" role="row" aria-rowindex={i + 1} style={{ transform: `translateY(${i * rowHeight}px)`, height: `${rowHeight}px` }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div ref={box} class="vlist" role="grid" aria-label={label} aria-rowcount={count} tabIndex={0} onKeyDown={onKeyDown}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
      <div class="vspace" style={{ height: `${count * rowHeight}px` }}>{rows}</div>
    </div>
  );
}
