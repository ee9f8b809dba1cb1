/** Text made safe inside HTML, in element content and in quoted attributes: text from web pages and emails never becomes markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
