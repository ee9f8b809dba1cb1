import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view whose code loads when it is first shown: the contact list opens without the code for
 * editing, import, export and merging (and zod, which validates every write).
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  return function LazyView(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load().then((component) => void (loaded = component));
      void pending.then(() => setReady(true));
    }, []);
    const View = loaded;
    return View ? <View {...props} /> : <p class="empty" aria-busy="true" />;
  };
}
