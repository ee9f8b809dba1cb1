/** Where the workspace is, as its URL's hash says (#/contacts, #/contact/ID, …): links and Back work. */
export type Route =
  | { view: 'contacts' }
  | { view: 'contact'; id: string }
  | { view: 'company'; id: string; name: string }
  | { view: 'deals' }
  | { view: 'deal'; id: string; contactId: string }
  | { view: 'import' }
  | { view: 'export' }
  | { view: 'duplicates' }
  | { view: 'review' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params = new URLSearchParams(query);
  const [view = '', id = ''] = path.split('/').map(decodeURIComponent);
  switch (view) {
    case 'contact':
      return id ? { view, id } : { view: 'contacts' };
    case 'company':
      return { view, id, name: params.get('name') ?? '' };
    case 'deal':
      return { view, id: id || 'new', contactId: params.get('contact') ?? '' };
    case 'deals':
    case 'import':
    case 'export':
    case 'duplicates':
    case 'review':
      return { view };
    default:
      return { view: 'contacts' };
  }
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'contact':
      return `#/contact/${encodeURIComponent(route.id)}`;
    case 'company':
      return route.id ? `#/company/${encodeURIComponent(route.id)}` : `#/company?name=${encodeURIComponent(route.name)}`;
    case 'deal':
      return `#/deal/${encodeURIComponent(route.id)}${route.contactId ? `?contact=${encodeURIComponent(route.contactId)}` : ''}`;
    default:
      return `#/${route.view}`;
  }
}
