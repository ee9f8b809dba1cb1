import { useLayoutEffect, useRef } from 'preact/hooks';

/** A ref whose element takes the focus when it appears (browsers honour `autofocus` only once per page). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
