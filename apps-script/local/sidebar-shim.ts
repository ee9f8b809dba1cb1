/**
 * What a sidebar or dialog page of the local sheet runs with instead of Google's client API:
 * `google.script.run` calls a global function of the bundle through POST /api/run (answering the
 * success or failure handler, as Google does), and `google.script.host.close()` closes the page.
 * As in Google, only the bundle's global functions can be called (not names ending in "_", which
 * are private), and a Date, a function or a DOM element (other than a form) cannot be passed:
 * the call fails with the failure handler and nothing runs.
 */
export const SIDEBAR_SHIM = `
(() => {
  const prohibited = (value, seen = new Set()) => {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
    if (typeof value === 'function') return 'Function';
    if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
    if (typeof Node !== 'undefined' && value instanceof Node && !(value instanceof HTMLFormElement)) return 'DOM element';
    if (seen.has(value)) return null;
    seen.add(value);
    for (const item of Object.values(value)) { const bad = prohibited(item, seen); if (bad) return bad; }
    return null;
  };
  const runner = (state) => new Proxy({}, {
    get(_, name) {
      if (name === 'withSuccessHandler') return (fn) => runner({ ...state, ok: fn });
      if (name === 'withFailureHandler') return (fn) => runner({ ...state, fail: fn });
      if (name === 'withUserObject') return (object) => runner({ ...state, user: object });
      return (...args) => {
        const fail = (message) => setTimeout(() => state.fail && state.fail(new Error(message), state.user));
        if (typeof name !== 'string' || name.endsWith('_')) return fail('Script function not found: ' + String(name));
        const bad = args.map((arg) => prohibited(arg)).find(Boolean);
        if (bad) return fail('Failed due to illegal value in property: ' + bad);
        fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ function: name, args }) })
          .then((response) => response.json())
          .then((answer) => {
            if (answer.ok) state.ok && state.ok(answer.result, state.user);
            else fail(answer.error || 'The script failed');
          })
          .catch((error) => fail(String(error)));
      };
    },
  });
  window.google = { script: { get run() { return runner({}); }, host: { close() { document.body.innerHTML = '<p style="font:13px Arial;color:#5f6368;padding:12px">Closed.</p>'; }, setHeight() {}, setWidth() {}, editor: { focus() {} } } } };
})();
`;
