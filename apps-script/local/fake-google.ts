import { FakeCacheService } from './fake-cache.ts';
import { FakeCharts } from './fake-charts.ts';
import { FakeProtection, PROTECTION_TYPE } from './fake-protection.ts';
import { rangeOfAnchor } from './fake-range.ts';
import { validationProblem } from './fake-validation.ts';
import { typeText } from './cell-text.ts';
import { FakeContentService, FakeHtmlService } from './fake-content.ts';
import { FakeContext, type CallCounts, type ExecutionKind } from './fake-context.ts';
import { LockTable, FakeLockService } from './fake-lock.ts';
import { FakeMailApp, type SentMail } from './fake-mail.ts';
import { FakePropertiesService } from './fake-properties.ts';
import { FakeScriptApp, type ScriptAppOptions, type TriggerJson } from './fake-script-app.ts';
import { FakeSession } from './fake-session.ts';
import { FakeSheetsApi } from './fake-sheets-api.ts';
import { FakeSheet, FakeSpreadsheet, FakeSpreadsheetApp, type OtherSpreadsheets, type Toast, type WorkbookState } from './fake-spreadsheet.ts';
import type { Dialog, MenuJson, UiRecords } from './fake-ui.ts';
import { FakeUtilities } from './fake-utilities.ts';
import { workbookFromJson, workbookToJson, type WorkbookJson, type WorkbookParts } from './workbook-json.ts';
import { SheetModel } from './workbook-model.ts';

export type { WorkbookJson } from './workbook-json.ts';

export interface FakeGoogleOptions {
  workbook?: WorkbookJson;
  /** tabs, properties and triggers already built (a workbook file with its journal replayed) */
  parts?: WorkbookParts;
  /** the script owner and, outside web-app requests, the active user */
  user?: string;
  /** the clock for `new Date()` in the bundle, cache expiry and `ScriptApp…after()` */
  now?: () => Date;
  /** MailApp.getRemainingDailyQuota() at the start (a consumer account has 100) */
  mailQuota?: number;
  spreadsheetName?: string;
  /** the script's time zone (appsscript.json), in which the bundle's Date runs; default Etc/UTC */
  scriptTimeZone?: string;
  /** the spreadsheet's time zone; default: the workbook file's, else Etc/UTC */
  spreadsheetTimeZone?: string;
  /** false: the Sheets advanced service is not enabled (no `Sheets` global) */
  sheetsApi?: boolean;
}

/**
 * An in-memory Google Apps Script: the service globals a bundle uses, plus what a test inspects —
 * call counts, the number of changes, mail sent, triggers, menus, dialogs and toasts.
 */
export interface FakeGoogle {
  globals: {
    SpreadsheetApp: FakeSpreadsheetApp;
    PropertiesService: FakePropertiesService;
    LockService: FakeLockService;
    CacheService: FakeCacheService;
    MailApp: FakeMailApp;
    ContentService: FakeContentService;
    HtmlService: FakeHtmlService;
    Utilities: FakeUtilities;
    Session: FakeSession;
    ScriptApp: FakeScriptApp;
    Charts: FakeCharts;
    /** the Sheets advanced service, when enabled */
    Sheets?: FakeSheetsApi;
  };
  /** calls per "Class.method" and in total, since the start or `resetCalls()` */
  calls: CallCounts;
  resetCalls(): void;
  /** calls to SpreadsheetApp, Spreadsheet, Sheet and Range — what the benchmark reports */
  spreadsheetCalls(): number;
  /** grows on every change to cells (values, formulas, formats), tabs, properties or triggers */
  readonly mutations: number;
  toJSON(): WorkbookJson;
  /** the live tabs, properties and triggers (for saving what changed) */
  parts(): WorkbookParts;
  sentMail: SentMail[];
  /** what MailApp.getRemainingDailyQuota() answers from now on (a new day's quota) */
  setMailQuota(remaining: number): void;
  triggers: TriggerJson[];
  menus: MenuJson[];
  dialogs: Dialog[];
  /** scripted answers for the next `ui.alert`/`ui.prompt`, first in first out */
  uiAnswers: UiRecords['answers'];
  toasts: Toast[];
  /** simulate another process holding a lock: `locks.hold('script')` */
  locks: Pick<LockTable, 'hold' | 'release'>;
  /** total milliseconds asked of Utilities.sleep */
  slept: { ms: number };
  /**
   * Runs `action` as a person (uncounted) just before the script's next call of `method`
   * (e.g. 'Sheets.Spreadsheets.Values.batchUpdate'): an edit that lands between the script's read and write.
   */
  beforeCall(method: string, action: () => void, nth?: number): void;
  readonly timeZones: { script: string; spreadsheet: string };
  /** runs `work` as one script execution of the given kind (locks it keeps are released at the end) */
  execute<T>(kind: ExecutionKind, work: () => T): T;
  /** runs `work` as a person using the spreadsheet: not counted as script calls */
  asPerson<T>(work: () => T): T;
  /**
   * A person types into a cell, as in the spreadsheet's UI: the text is typed as Google types it,
   * and a data validation rule that rejects invalid input refuses it (throws, nothing stored).
   */
  personTypes(tab: string, row: number, column: number, text: string): void;
  setServiceUrl(url: string): void;
  /** @internal shared with the bundle loader */
  context: FakeContext;
}

const DEFAULT_TIME_ZONE = 'Etc/UTC';

export function createFakeGoogle(options: FakeGoogleOptions = {}): FakeGoogle {
  const now = options.now ?? (() => new Date());
  const spreadsheetTimeZone = options.spreadsheetTimeZone ?? options.workbook?.timeZone ?? DEFAULT_TIME_ZONE;
  const context = new FakeContext(now, options.user ?? 'owner@rapport.local', options.scriptTimeZone ?? DEFAULT_TIME_ZONE, spreadsheetTimeZone);
  const parts: WorkbookParts = options.parts ?? (options.workbook ? workbookFromJson(options.workbook, context.typing) : { sheets: [new SheetModel('Sheet1', 0)], properties: emptyStores(), triggers: [] });
  if (parts.sheets.length === 0) parts.sheets.push(new SheetModel('Sheet1', 0));
  const state: WorkbookState = {
    id: 'local-sheet',
    name: options.spreadsheetName ?? 'Rapport (local)',
    sheets: parts.sheets,
    nextSheetId: Math.max(0, ...parts.sheets.map((sheet) => sheet.id)) + 1,
    toasts: [],
    protections: [],
  };
  const ui: UiRecords = { menus: [], dialogs: [], answers: [] };
  const mailQuota = { remaining: options.mailQuota ?? 100 };
  const sentMail: SentMail[] = [];
  const slept = { ms: 0 };
  const locks = new LockTable(context);
  const scriptApp: ScriptAppOptions = { scriptId: 'local-script', serviceUrl: '' };
  const spreadsheet = new FakeSpreadsheet(context, state);
  // The spreadsheets the script created (archives) share the parts, so they are saved with the workbook.
  parts.spreadsheets ??= [];
  const others: OtherSpreadsheets = {
    states: parts.spreadsheets.map((other) => ({ id: other.id, name: other.name, sheets: other.sheets, nextSheetId: Math.max(0, ...other.sheets.map((s) => s.id)) + 1, toasts: [], protections: [] })),
    objects: new Map(),
    keep: (other) => void parts.spreadsheets!.push({ id: other.id, name: other.name, sheets: other.sheets }),
  };

  const globals: FakeGoogle['globals'] = {
    SpreadsheetApp: new FakeSpreadsheetApp(context, spreadsheet, ui, others),
    PropertiesService: new FakePropertiesService(context, parts.properties),
    LockService: new FakeLockService(context, locks),
    CacheService: new FakeCacheService(context),
    MailApp: new FakeMailApp(context, sentMail, mailQuota),
    ContentService: new FakeContentService(context),
    HtmlService: new FakeHtmlService(context),
    Utilities: new FakeUtilities(context, slept),
    Session: new FakeSession(context),
    ScriptApp: new FakeScriptApp(context, parts.triggers, scriptApp),
    Charts: new FakeCharts(),
    ...(options.sheetsApi === false ? {} : { Sheets: new FakeSheetsApi(context, (id) => FakeSpreadsheetApp.byId(globals.SpreadsheetApp, id)) }),
  };

  for (const saved of parts.protections ?? []) {
    const model = state.sheets.find((sheet) => sheet.name === saved.tab);
    if (!model) continue;
    const sheet = FakeSpreadsheet.wrapperFor(spreadsheet, model);
    const anchor = saved.anchor;
    const protection = anchor
      ? new FakeProtection(context, state.protections, PROTECTION_TYPE.RANGE, sheet, () => rangeOfAnchor(context, FakeSheet.host(sheet), anchor), { anchor, onRemove: () => model.anchors.delete(anchor) })
      : new FakeProtection(context, state.protections, PROTECTION_TYPE.SHEET, sheet, () => sheet.getDataRange());
    FakeProtection.restore(protection, saved);
  }

  const currentParts = (): WorkbookParts => ({
    sheets: state.sheets, properties: parts.properties, triggers: parts.triggers, spreadsheets: parts.spreadsheets, protections: state.protections.map((p) => FakeProtection.json(p)),
  });

  return {
    globals,
    calls: context.calls,
    resetCalls: () => context.resetCalls(),
    spreadsheetCalls: () => context.spreadsheetCalls(),
    get mutations() {
      return context.mutations;
    },
    toJSON: () => context.uncounted(() => workbookToJson(currentParts(), context.typing, spreadsheetTimeZone)),
    parts: currentParts,
    sentMail,
    setMailQuota(remaining) {
      mailQuota.remaining = remaining;
    },
    triggers: parts.triggers,
    menus: ui.menus,
    dialogs: ui.dialogs,
    uiAnswers: ui.answers,
    toasts: state.toasts,
    locks,
    slept,
    execute(kind, work) {
      // An execution started while another runs (a person's edit firing onEdit mid-sync) is a process of its own.
      const outer = context.execution.startedAt > 0 ? context.execution : undefined;
      context.beginExecution(kind);
      try {
        return work();
      } finally {
        context.endExecution(outer);
      }
    },
    asPerson: (work) => context.uncounted(work),
    personTypes(tab, row, column, text) {
      context.uncounted(() => {
        const sheet = spreadsheet.getSheetByName(tab);
        if (!sheet) throw new Error(`There is no tab named "${tab}".`);
        const range = sheet.getRange(row, column);
        const rule = range.getDataValidation();
        if (rule && !rule.getAllowInvalid()) {
          const plainText = range.getNumberFormat() === '@';
          const typed = typeText(text, context.typing, plainText);
          const problem = typed.formula === undefined ? validationProblem({ type: rule.getCriteriaType(), values: rule.getCriteriaValues(), allowInvalid: false }, typed.value) : null;
          if (problem) throw new Error(`There was a problem: ${problem}`);
        }
        range.setValue(text);
      });
    },
    beforeCall: (method, action, nth = 1) => void context.beforeCall.push({ method, action, calls: nth }),
    timeZones: { script: context.timeZone, spreadsheet: spreadsheetTimeZone },
    setServiceUrl(url) {
      scriptApp.serviceUrl = url;
    },
    context,
  };
}

function emptyStores(): WorkbookParts['properties'] {
  return { script: new Map(), document: new Map(), user: new Map() };
}
