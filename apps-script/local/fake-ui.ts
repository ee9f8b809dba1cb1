import { FakeHtmlOutput } from './fake-content.ts';
import { countCalls, type FakeContext } from './fake-context.ts';
import { typeName } from './fake-range.ts';

/**
 * SpreadsheetApp.getUi(): menus are recorded; alerts and prompts are recorded and answered from
 * `answers` (scripted by a test), else with the first button (OK or YES) and empty text.
 */
const CTX = Symbol('context');

export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export type Button = keyof typeof BUTTON;

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { subMenu: MenuJson };
export interface MenuJson {
  caption: string;
  items: MenuEntry[];
}

export interface Dialog {
  kind: 'alert' | 'prompt' | 'sidebar' | 'modal';
  title: string;
  message: string;
  buttons?: string;
  answer?: { button: Button; text?: string };
}

export interface UiRecords {
  menus: MenuJson[];
  dialogs: Dialog[];
  /** scripted answers for the next alerts/prompts, first in first out */
  answers: Array<{ button: Button; text?: string }>;
}

export class FakeUi {
  readonly [CTX]: FakeContext;
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  readonly #records: UiRecords;

  constructor(context: FakeContext, records: UiRecords) {
    this[CTX] = context;
    this.#records = records;
  }

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this[CTX], this.#records, String(caption));
  }

  createAddonMenu(): FakeMenu {
    return new FakeMenu(this[CTX], this.#records, 'Add-ons');
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons) */
  alert(...args: string[]): Button {
    const [title, message, buttons] = dialogArguments(args);
    return this.#answer({ kind: 'alert', title, message, buttons }).button;
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons) */
  prompt(...args: string[]): { getResponseText(): string; getSelectedButton(): Button } {
    const [title, message, buttons] = dialogArguments(args);
    const answer = this.#answer({ kind: 'prompt', title, message, buttons });
    return { getResponseText: () => answer.text ?? '', getSelectedButton: () => answer.button };
  }

  /** Only an HtmlOutput (or a template's evaluated output) can be shown; a string is refused. */
  showSidebar(html: FakeHtmlOutput): void {
    if (!(html instanceof FakeHtmlOutput)) this[CTX].fail(`The parameters (${typeName(html)}) don't match the method signature for Ui.showSidebar.`);
    this.#records.dialogs.push({ kind: 'sidebar', title: html.getTitle(), message: html.getContent() });
  }

  #answer(dialog: Dialog): { button: Button; text?: string } {
    const buttons = dialog.buttons ?? BUTTON_SET.OK;
    const answer = this.#records.answers.shift() ?? { button: buttons.startsWith('YES') ? BUTTON.YES : BUTTON.OK };
    this.#records.dialogs.push({ ...dialog, buttons, answer });
    return answer;
  }
}

function dialogArguments(args: string[]): [title: string, message: string, buttons: string | undefined] {
  const isButtonSet = (value: unknown) => typeof value === 'string' && value in BUTTON_SET;
  if (args.length >= 3) return [String(args[0]), String(args[1]), args[2]];
  if (args.length === 2 && isButtonSet(args[1])) return ['', String(args[0]), args[1]];
  if (args.length === 2) return [String(args[0]), String(args[1]), undefined];
  return ['', String(args[0] ?? ''), undefined];
}

export class FakeMenu {
  readonly [CTX]: FakeContext;
  readonly #records: UiRecords;
  readonly #menu: MenuJson;

  constructor(context: FakeContext, records: UiRecords, caption: string) {
    this[CTX] = context;
    this.#records = records;
    this.#menu = { caption, items: [] };
  }

  addItem(caption: string, functionName: string): FakeMenu {
    this.#menu.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): FakeMenu {
    this.#menu.items.push({ separator: true });
    return this;
  }

  /** Adding a menu with the same caption again replaces it, as reopening the file does. */
  addToUi(): void {
    const menus = this.#records.menus;
    const existing = menus.findIndex((menu) => menu.caption === this.#menu.caption);
    if (existing >= 0) menus.splice(existing, 1, this.#menu);
    else menus.push(this.#menu);
  }

  /** @internal */
  static json(menu: FakeMenu): MenuJson {
    return menu.#menu;
  }
}

function menuOf(menu: FakeMenu): MenuJson {
  return FakeMenu.json(menu);
}

const contextOf = (self: object) => (self as { [CTX]: FakeContext })[CTX];
countCalls(FakeUi, 'Ui', contextOf);
countCalls(FakeMenu, 'Menu', contextOf);
