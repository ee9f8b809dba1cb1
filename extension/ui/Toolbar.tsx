import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * A row of buttons that is one Tab stop (WAI-ARIA toolbar): the arrow keys, Home and End move
 * between them, so what follows stays a Tab away. The button last focused keeps the stop.
 */
export function Toolbar({ label, children, class: className }: { label: string; children: ComponentChildren; class?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const items = () => [...(ref.current?.querySelectorAll<HTMLElement>('[data-toolbar-item]') ?? [])];
  const roveTo = (target: HTMLElement) => {
    for (const item of items()) item.setAttribute('tabindex', item === target ? '0' : '-1');
  };
  // After every render (buttons come and go): exactly one item is the Tab stop.
  useLayoutEffect(() => {
    const all = items();
    const stop = all.find((item) => item.getAttribute('tabindex') === '0');
    if (stop) roveTo(stop);
    else if (all[0]) roveTo(all[0]);
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(event.target as HTMLElement);
    if (at < 0) return;
    const next = event.key === 'ArrowRight' ? all[(at + 1) % all.length] : event.key === 'ArrowLeft' ? all[(at - 1 + all.length) % all.length]
      : event.key === 'Home' ? all[0] : event.key === 'End' ? all.at(-1) : undefined;
    if (!next) return;
    event.preventDefault();
    roveTo(next);
    next.focus();
  };
  const onFocusIn = (event: FocusEvent) => {
    if (items().includes(event.target as HTMLElement)) roveTo(event.target as HTMLElement);
  };
  return (
    <div ref={ref} role="toolbar" aria-label={label} class={className} onKeyDown={onKeyDown} onFocusIn={onFocusIn}>
      {children}
    </div>
  );
}
