import type { RfmSegment } from '../../shared/scoring/rfm';
import type { dealStages, followUpStatuses, interactionTypes, lifecycleStages } from '../../shared/vocabulary';
import type { candidateSources } from '../capture/candidate';
import type { ProblemCode } from '../messaging/problems';
import type { ConnectionProblemCode } from '../sync/test-connection';

/**
 * Every word Rapport shows, in English and German: the popup, the Today list, the options and
 * welcome pages, sync states and errors, notifications. One dictionary per language; plurals
 * have their forms (chosen by Intl.PluralRules), values of a fixed set (stages, sources, error
 * causes) are groups keyed by the value, so no key is ever built from pieces.
 */

interface Plural {
  one: string;
  other: string;
}

type Choices<T extends string> = Record<T, string>;

interface Groups {
  stage: Choices<(typeof lifecycleStages)[number]>;
  dealStage: Choices<(typeof dealStages)[number]>;
  interactionType: Choices<(typeof interactionTypes)[number]>;
  /** the history's entries that are not interactions */
  historyKind: Choices<'stage' | 'deal' | 'followUp'>;
  followUpStatus: Choices<(typeof followUpStatuses)[number]>;
  source: Choices<(typeof candidateSources)[number] | 'manual'>;
  role: Choices<'sender' | 'to' | 'cc'>;
  rfmSegment: Choices<RfmSegment>;
  /** what each segment means, in one line */
  rfmMeaning: Choices<RfmSegment>;
  /** the value class (ABC analysis), in one line */
  valueClassMeaning: Choices<'A' | 'B' | 'C'>;
  /** why a sync or a connection test failed, one message per cause */
  syncError: Choices<ConnectionProblemCode>;
  problem: Choices<ProblemCode>;
  /** why one of the member's changes did not reach the sheet */
  refused: Choices<'rejected' | 'set_aside' | 'newer' | 'deleted' | 'unwritable'>;
  record: Choices<'contacts' | 'companies' | 'interactions' | 'deals' | 'followUps'>;
  direction: Choices<'inbound' | 'outbound'>;
  callOutcome: Choices<'reached' | 'voicemail' | 'no_answer' | 'busy'>;
  field: Choices<'firstName' | 'lastName' | 'emails' | 'phones' | 'jobTitle' | 'company' | 'website' | 'stage' | 'tags' | 'keepInTouchDays'>;
}

const en = {
  text: {
    // the popup's frame
    appName: 'Rapport',
    thisPage: 'This page',
    today: 'Today',
    readingPage: 'Reading the page…',
    noContactFound: 'Nobody on this page.',
    addManually: 'Add a contact by hand',
    manualEntry: 'New contact',
    sampleBanner: 'A sample email from the welcome page: what you save here is a real contact, which you can delete again.',
    settings: 'Settings',
    openWorkspace: 'Open workspace',
    views: 'Views',
    // a card
    new: 'New',
    known: 'Known · {stage}',
    knownCompany: 'Known company',
    looksLike: 'Looks like {name}',
    from: 'from {source}',
    fromAs: 'from {source} · {role}',
    saveContact: 'Save contact',
    updateFields: 'Update {fields}',
    nothingToSave: 'Saved',
    saved: 'Contact saved.',
    updated: 'Contact updated.',
    edit: 'Edit',
    hideEdit: 'Done editing',
    editHint: 'Saved to your team’s sheet: the fields above. An email’s text is kept only if you keep a snippet.',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    jobTitle: 'Job title',
    company: 'Company',
    website: 'Website',
    stage: 'Stage',
    tags: 'Tags (comma-separated)',
    keepInTouchEvery: 'Keep in touch every … days',
    actions: 'Actions for {name}',
    // actions
    logEmail: 'Log email',
    logEmailHint: 'Log this email in {name}’s history (L)',
    logCall: 'Call',
    logCallHint: 'Log a call or meeting (C)',
    followUp: 'Follow up',
    followUpAction: 'Follow up',
    followUpHint: 'Set a follow-up; T sets one for tomorrow',
    note: 'Note',
    noteHint: 'Add a note to the history (N)',
    deal: 'Deal',
    dealHint: 'Open a deal',
    emailLogged: 'Email logged.',
    alreadyLogged: 'This email is already logged.',
    keepSnippet: 'Keep a snippet of the email',
    // log a call or meeting
    call: 'Call',
    meeting: 'Meeting',
    kind: 'Kind',
    direction: 'Direction',
    outcome: 'Outcome',
    durationMinutes: 'Minutes',
    summary: 'What was said',
    logIt: 'Log it',
    callLogged: 'Call logged.',
    meetingLogged: 'Meeting logged.',
    // follow-ups
    followUpTitle: 'Title',
    followUpFromSubject: 'Follow up: {subject}',
    followUpWith: 'Follow up with {name}',
    atTime: 'At',
    tomorrow: 'Tomorrow',
    in3Days: 'In 3 days',
    nextWeekOn: 'Next week ({day})',
    onDate: 'On',
    setFollowUp: 'Set',
    followUpSet: 'Follow-up set for {when}.',
    // notes
    notePlaceholder: 'A note for the history…',
    addNote: 'Add note',
    noteAdded: 'Note added.',
    // deals
    dealName: 'Deal',
    dealNameFor: '{company}: {subject}',
    amount: 'Amount',
    currency: 'Currency',
    expectedClose: 'Expected close',
    openDeal: 'Open deal',
    dealOpened: 'Deal opened.',
    dealMoved: 'Deal moved to {stage}.',
    moveDeal: 'Stage of {deal}',
    // matches
    possibleMatch: 'Is this the same person?',
    matchedByPhone: 'Same phone number as a contact you have.',
    matchedByName: 'Same name and company as a contact you have.',
    onThisPage: 'On this page',
    inRapport: 'In Rapport',
    merge: 'Merge',
    mergeHint: 'Add what the page shows to {name}',
    saveAsNew: 'Save as new',
    nothingWrittenYet: 'Nothing is saved until you choose.',
    // delete
    deleteContact: 'Delete contact…',
    deleteContactConfirm: 'Delete {name} for everyone? Their details leave this browser, the sheet and every teammate’s Rapport; the text of their emails, notes and follow-ups is cleared.',
    deleteForEveryone: 'Delete for everyone',
    cancel: 'Cancel',
    contactDeleted: 'Contact deleted for everyone.',
    undo: 'Undo',
    undone: 'Undone.',
    // value figures
    valueClass: 'Class {value}',
    clv: 'CLV {value}',
    pAlive: '{value} still active',
    atRisk: 'At risk',
    leadScore: 'Lead score {value}',
    whatIsThis: 'What is this?',
    hideExplanation: 'Hide explanation',
    explainClv: 'CLV: the revenue this customer is expected to bring over the coming years, from their purchases so far.',
    clvMissing: 'CLV not estimated yet',
    explainClvMissing: 'CLV needs several customers in the sheet who bought more than once; until then it stays empty.',
    explainPAlive: 'Probability that this customer still buys from you, judged from how regularly they bought and how long they have been quiet.',
    explainAtRisk: 'At risk: a valuable customer who has been quiet for longer than usual. Get in touch.',
    explainLeadScore: 'Lead score: how promising this lead is (0–100), from their contacts with you and open deals.',
    explainRfm: 'Segment {segment} (RFM: how recently, how often and how much they bought): {meaning}',
    // history
    history: 'History',
    nextSteps: 'Next',
    deals: 'Deals',
    noHistory: 'Nothing logged yet.',
    stageChangedTo: 'Stage changed to {stage}',
    due: 'due {when}',
    done: 'Done',
    snooze: 'Snooze',
    snoozeFor: 'Snooze {title}',
    snooze1Day: '1 day',
    snooze3Days: '3 days',
    pickDate: 'Pick a date',
    snoozedUntil: 'Snoozed until {when}.',
    markedDone: 'Marked done.',
    minutesShort: '{count} min',
    inbound: 'received',
    outbound: 'sent',
    openEmail: 'Open email',
    // today
    todayTitle: 'Today, {day}',
    overdue: 'Overdue',
    dueToday: 'Due today',
    keepInTouch: 'Keep in touch',
    nothingDue: 'Nothing due today. Well done.',
    cadenceLine: 'every {every} · last contact {when}',
    keptInTouchNote: 'Kept in touch.',
    keepInTouchTitle: 'Keep in touch with {name}',
    openContact: 'Open {name}',
    back: 'Back',
    unknownContact: 'A deleted contact',
    // sync
    syncNow: 'Sync now',
    notConnected: 'Not connected to a sheet.',
    connect: 'Connect',
    syncingProgress: 'Syncing… {sent} of {total} sent',
    syncingNow: 'Syncing…',
    syncedAt: 'Synced {when}',
    neverSynced: 'Not synced yet',
    retryAt: 'Next try {when}.',
    // companies
    companyName: 'Company name',
    domain: 'Domain',
    address: 'Address',
    companyEmails: 'Company email',
    companyPhones: 'Company phone',
    saveCompany: 'Save company',
    updateCompany: 'Update company',
    companySaved: 'Company saved.',
    companyUpdated: 'Company updated.',
    // many people
    selectAll: 'Select all',
    // options
    optionsTitle: 'Rapport settings',
    connection: 'Your team’s sheet',
    connectedAs: 'Connected as {member}',
    lastSync: 'last sync {when}',
    disconnect: 'Disconnect',
    disconnected: 'Disconnected. Your contacts stay in this browser.',
    changeConnection: 'Connect another sheet',
    setupLink: 'Set-up link',
    setupLinkHint: 'Paste the set-up link from the sheet’s Rapport → Team members: it fills in both fields below.',
    sheetUrl: 'Sheet web app URL',
    syncToken: 'Your sync token',
    tokenHint: 'The sheet owner makes a token for you with Rapport → Team members in the sheet.',
    saveAndTest: 'Save and test connection',
    checking: 'Checking…',
    connectedSaved: 'Connected as {member}. Settings saved.',
    notSaved: 'Not saved: {reason}',
    reminders: 'Reminders',
    notifyLabel: 'Notify me when a follow-up is due',
    notifyDenied: 'The browser did not allow notifications.',
    followUpTimeLabel: 'Usual time for follow-ups',
    followUpTimeHint: 'New follow-ups are set for this time; a follow-up with only a date is due then.',
    syncState: 'Sync',
    // welcome
    welcomeTitle: 'Welcome to Rapport',
    welcomeLead: 'Your customers, next to the email you are reading. Three steps to start.',
    pinTitle: 'Pin Rapport to the toolbar',
    pinChrome: 'Click the puzzle piece at the top right of the browser, then the pin next to Rapport. Or press Alt+Shift+R on any page.',
    pinFirefox: 'Click the puzzle piece at the top right, then the gear next to Rapport and “Pin to toolbar”. Or press Alt+Shift+R on any page.',
    connectTitle: 'Connect your team’s sheet',
    connectText: 'Rapport keeps everything in this browser first and shares it through a Google Sheet. Paste the set-up link from the sheet (Rapport → Team members), or the web app URL and your token.',
    connectDone: 'Connected as {member}.',
    openSettings: 'Open settings',
    tryTitle: 'Try it on a sample email',
    tryText: 'This is how Rapport looks on an email: it reads the sender and their signature. Save the contact, log the email, set a follow-up.',
    sampleSubject: 'Quote for 25 touring tents',
    notNow: 'You can also do this later in the settings.',
  },
  plural: {
    peopleOnPage: { one: '{count} person on this page', other: '{count} people on this page' },
    saveSelected: { one: 'Save selected ({count})', other: 'Save selected ({count})' },
    savedSelected: { one: '{count} contact saved.', other: '{count} contacts saved.' },
    pending: { one: '{count} change saved here, waiting to sync', other: '{count} changes saved here, waiting to sync' },
    updateFieldCount: { one: 'Update {count} field', other: 'Update {count} fields' },
    showAll: { one: 'Show all ({count})', other: 'Show all ({count})' },
    everyDays: { one: 'day', other: '{count} days' },
    todayCount: { one: '{count} due today', other: '{count} due today' },
    refusedCount: { one: '{count} change did not reach the sheet', other: '{count} changes did not reach the sheet' },
    notificationTitle: { one: 'Follow-up due', other: '{count} follow-ups due' },
  },
  groups: {
    stage: { lead: 'lead', qualified: 'qualified', customer: 'customer', loyal: 'loyal', 'at risk': 'at risk', lost: 'lost' },
    dealStage: { prospecting: 'Prospecting', qualification: 'Qualification', proposal: 'Proposal', negotiation: 'Negotiation', won: 'Won', lost: 'Lost' },
    interactionType: { email: 'Email', call: 'Call', meeting: 'Meeting', note: 'Note', purchase: 'Purchase', complaint: 'Complaint', event: 'Event', social: 'Social', web: 'Web' },
    historyKind: { stage: 'Stage change', deal: 'Deal', followUp: 'Follow-up' },
    followUpStatus: { open: 'open', done: 'done', snoozed: 'snoozed' },
    source: {
      gmail: 'Gmail', outlook: 'Outlook', 'json-ld': 'page data', microdata: 'page data', rdfa: 'page data', 'h-card': 'h-card', mailto: 'email link',
      tel: 'phone link', vcard: 'vCard link', signature: 'signature', selection: 'selection', site: 'website', manual: 'manual entry',
    },
    role: { sender: 'sender', to: 'recipient', cc: 'in copy' },
    rfmSegment: {
      champions: 'Champion', loyal: 'Loyal', 'potential loyalist': 'Potential loyalist', new: 'New customer', 'at risk': 'At risk', "can't lose": 'Can’t lose', hibernating: 'Hibernating', lost: 'Lost',
    },
    rfmMeaning: {
      champions: 'bought recently, often and much.',
      loyal: 'buys more often than most and is still active.',
      'potential loyalist': 'bought fairly recently, not yet often.',
      new: 'bought recently, for the first time.',
      'at risk': 'was a good customer and has gone quiet.',
      "can't lose": 'was among your best customers and has gone quiet: win them back.',
      hibernating: 'a few small purchases a while ago.',
      lost: 'a few small purchases long ago.',
    },
    valueClassMeaning: {
      A: 'Class A: among the few customers who bring 80 % of your revenue.',
      B: 'Class B: among the customers who bring the next 15 % of your revenue.',
      C: 'Class C: among the many customers who bring the last 5 % of your revenue.',
    },
    syncError: {
      not_configured: 'Not connected to a sheet.',
      network: 'No connection to the sheet. Your changes are kept here and sent when the connection is back.',
      sign_in: 'The sheet’s web app asks for a Google sign-in: deploy it with access “Anyone” (Deploy → Manage deployments).',
      not_rapport: 'This is not a Rapport sheet’s web app. Did you paste the sheet’s URL instead of the web app’s /exec URL?',
      script_error: 'The sheet’s script failed: {detail}',
      timeout: 'The sheet took too long to answer (Google stops a script after 6 minutes). Rapport tries again with less at once.',
      quota: 'The sheet has used its daily Google quota. Rapport tries again later.',
      http: 'The sheet answered with an error (HTTP {detail}).',
      bad_response: 'The sheet’s answer was not understood. Is the Rapport add-on in the sheet up to date?',
      unauthorized: 'The sheet does not know this token: check it, or ask the sheet owner for one (Rapport → Team members).',
      revoked: 'The sheet’s owner withdrew your token. Your changes not yet synced stay here; ask the owner for a new one.',
      bad_request: 'The sheet could not read what Rapport sent: {detail}',
      unknown_table: 'The sheet is missing a Rapport tab. Run Rapport → Set up in the sheet.',
      busy: 'The sheet is busy with another sync. Rapport tries again in a moment.',
      internal: 'The sheet ran into a problem: {detail}',
      not_a_url: 'That is not a URL. Paste the web app URL ending in /exec.',
      not_https: 'The sheet’s URL must start with https:// (or be the local sheet on 127.0.0.1).',
    },
    problem: {
      not_understood: 'Rapport did not understand that request.',
      unreadable_page: 'Rapport cannot read this page ({detail}). You can still add a contact by hand.',
      nothing_readable: 'This page gave Rapport nothing it could read. You can still add a contact by hand.',
      record_gone: 'This record was deleted meanwhile, perhaps by a teammate.',
      never_logged: 'This address is on your never-log list (Rapport’s settings), so Rapport does not save or log it.',
      failed: 'Something went wrong: {detail}',
    },
    refused: {
      rejected: 'The sheet refused it: {detail}',
      set_aside: 'The sheet failed on it three times; it is kept in this browser only. {detail}',
      newer: 'A teammate changed it later; their version was kept. {detail}',
      deleted: 'It was deleted in the sheet meanwhile.',
      unwritable: 'The sheet has no usable column for it; run Rapport → Set up in the sheet. {detail}',
    },
    record: { contacts: 'Contact', companies: 'Company', interactions: 'History entry', deals: 'Deal', followUps: 'Follow-up' },
    direction: { inbound: 'Incoming', outbound: 'Outgoing' },
    callOutcome: { reached: 'Talked', voicemail: 'Left a voicemail', no_answer: 'No answer', busy: 'Busy' },
    field: { firstName: 'first name', lastName: 'last name', emails: 'email', phones: 'phone', jobTitle: 'job title', company: 'company', website: 'website', stage: 'stage', tags: 'tags', keepInTouchDays: 'keep-in-touch days' },
  },
} satisfies { text: Record<string, string>; plural: Record<string, Plural>; groups: Groups };

type Dictionary = { text: Record<keyof typeof en.text, string>; plural: Record<keyof typeof en.plural, Plural>; groups: Groups };

const de: Dictionary = {
  text: {
    appName: 'Rapport',
    thisPage: 'Diese Seite',
    today: 'Heute',
    readingPage: 'Seite wird gelesen…',
    noContactFound: 'Auf dieser Seite ist niemand.',
    addManually: 'Kontakt von Hand anlegen',
    manualEntry: 'Neuer Kontakt',
    sampleBanner: 'Eine Beispiel-E-Mail von der Willkommensseite: Was Sie hier speichern, ist ein echter Kontakt, den Sie wieder löschen können.',
    settings: 'Einstellungen',
    openWorkspace: 'Arbeitsbereich öffnen',
    views: 'Ansichten',
    new: 'Neu',
    known: 'Bekannt · {stage}',
    knownCompany: 'Bekannte Firma',
    looksLike: 'Ähnelt {name}',
    from: 'aus {source}',
    fromAs: 'aus {source} · {role}',
    saveContact: 'Kontakt speichern',
    updateFields: '{fields} aktualisieren',
    nothingToSave: 'Gespeichert',
    saved: 'Kontakt gespeichert.',
    updated: 'Kontakt aktualisiert.',
    edit: 'Bearbeiten',
    hideEdit: 'Fertig',
    editHint: 'Im Team-Sheet gespeichert werden die Felder oben. Der Text einer E-Mail nur, wenn Sie einen Ausschnitt behalten.',
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail',
    phone: 'Telefon',
    jobTitle: 'Position',
    company: 'Firma',
    website: 'Website',
    stage: 'Phase',
    tags: 'Schlagwörter (durch Komma getrennt)',
    keepInTouchEvery: 'Kontakt halten alle … Tage',
    actions: 'Aktionen für {name}',
    logEmail: 'E-Mail erfassen',
    logEmailHint: 'Diese E-Mail in der Historie von {name} erfassen (L)',
    logCall: 'Anruf',
    logCallHint: 'Anruf oder Termin erfassen (C)',
    followUp: 'Wiedervorlage',
    followUpAction: 'Nachfassen',
    followUpHint: 'Wiedervorlage setzen; T setzt eine für morgen',
    note: 'Notiz',
    noteHint: 'Notiz zur Historie hinzufügen (N)',
    deal: 'Deal',
    dealHint: 'Deal anlegen',
    emailLogged: 'E-Mail erfasst.',
    alreadyLogged: 'Diese E-Mail ist bereits erfasst.',
    keepSnippet: 'Einen Ausschnitt der E-Mail behalten',
    call: 'Anruf',
    meeting: 'Termin',
    kind: 'Art',
    direction: 'Richtung',
    outcome: 'Ergebnis',
    durationMinutes: 'Minuten',
    summary: 'Was besprochen wurde',
    logIt: 'Erfassen',
    callLogged: 'Anruf erfasst.',
    meetingLogged: 'Termin erfasst.',
    followUpTitle: 'Titel',
    followUpFromSubject: 'Nachfassen: {subject}',
    followUpWith: 'Bei {name} nachfassen',
    atTime: 'Um',
    tomorrow: 'Morgen',
    in3Days: 'In 3 Tagen',
    nextWeekOn: 'Nächste Woche ({day})',
    onDate: 'Am',
    setFollowUp: 'Setzen',
    followUpSet: 'Wiedervorlage für {when} gesetzt.',
    notePlaceholder: 'Eine Notiz für die Historie…',
    addNote: 'Notiz hinzufügen',
    noteAdded: 'Notiz hinzugefügt.',
    dealName: 'Deal',
    dealNameFor: '{company}: {subject}',
    amount: 'Betrag',
    currency: 'Währung',
    expectedClose: 'Abschluss erwartet',
    openDeal: 'Deal anlegen',
    dealOpened: 'Deal angelegt.',
    dealMoved: 'Deal in Phase {stage} verschoben.',
    moveDeal: 'Phase von {deal}',
    possibleMatch: 'Ist das dieselbe Person?',
    matchedByPhone: 'Gleiche Telefonnummer wie ein Kontakt, den Sie haben.',
    matchedByName: 'Gleicher Name und gleiche Firma wie ein Kontakt, den Sie haben.',
    onThisPage: 'Auf dieser Seite',
    inRapport: 'In Rapport',
    merge: 'Zusammenführen',
    mergeHint: 'Was die Seite zeigt, zu {name} hinzufügen',
    saveAsNew: 'Als neu speichern',
    nothingWrittenYet: 'Gespeichert wird erst, wenn Sie wählen.',
    deleteContact: 'Kontakt löschen…',
    deleteContactConfirm: '{name} für alle löschen? Die Angaben verschwinden aus diesem Browser, dem Sheet und dem Rapport aller Kolleginnen und Kollegen; der Text der E-Mails, Notizen und Wiedervorlagen wird geleert.',
    deleteForEveryone: 'Für alle löschen',
    cancel: 'Abbrechen',
    contactDeleted: 'Kontakt für alle gelöscht.',
    undo: 'Rückgängig',
    undone: 'Rückgängig gemacht.',
    valueClass: 'Klasse {value}',
    clv: 'CLV {value}',
    pAlive: '{value} noch aktiv',
    atRisk: 'Abwanderungsgefahr',
    leadScore: 'Lead-Score {value}',
    whatIsThis: 'Was heißt das?',
    hideExplanation: 'Erklärung ausblenden',
    explainClv: 'CLV (Kundenwert): der Umsatz, den dieser Kunde in den kommenden Jahren voraussichtlich bringt, berechnet aus seinen bisherigen Käufen.',
    clvMissing: 'CLV noch nicht geschätzt',
    explainClvMissing: 'Für den CLV braucht das Sheet mehrere Kunden, die mehr als einmal gekauft haben; bis dahin bleibt er leer.',
    explainPAlive: 'Wahrscheinlichkeit, dass dieser Kunde noch bei Ihnen kauft, geschätzt aus der Regelmäßigkeit seiner Käufe und der Zeit seit dem letzten.',
    explainAtRisk: 'Abwanderungsgefahr: ein wertvoller Kunde, der länger als üblich nichts gekauft hat. Melden Sie sich.',
    explainLeadScore: 'Lead-Score: wie vielversprechend dieser Lead ist (0–100), aus seinen Kontakten mit Ihnen und offenen Deals.',
    explainRfm: 'Segment {segment} (RFM: wie kürzlich, wie oft und wie viel gekauft wurde): {meaning}',
    history: 'Historie',
    nextSteps: 'Als Nächstes',
    deals: 'Deals',
    noHistory: 'Noch nichts erfasst.',
    stageChangedTo: 'Phase geändert zu {stage}',
    due: 'fällig {when}',
    done: 'Erledigt',
    snooze: 'Später',
    snoozeFor: '{title} verschieben',
    snooze1Day: '1 Tag',
    snooze3Days: '3 Tage',
    pickDate: 'Datum wählen',
    snoozedUntil: 'Verschoben auf {when}.',
    markedDone: 'Als erledigt markiert.',
    minutesShort: '{count} Min.',
    inbound: 'empfangen',
    outbound: 'gesendet',
    openEmail: 'E-Mail öffnen',
    todayTitle: 'Heute, {day}',
    overdue: 'Überfällig',
    dueToday: 'Heute fällig',
    keepInTouch: 'In Kontakt bleiben',
    nothingDue: 'Heute ist nichts fällig. Gut gemacht.',
    cadenceLine: 'alle {every} · letzter Kontakt {when}',
    keptInTouchNote: 'Kontakt gehalten.',
    keepInTouchTitle: 'Mit {name} in Kontakt bleiben',
    openContact: '{name} öffnen',
    back: 'Zurück',
    unknownContact: 'Ein gelöschter Kontakt',
    syncNow: 'Jetzt synchronisieren',
    notConnected: 'Mit keinem Sheet verbunden.',
    connect: 'Verbinden',
    syncingProgress: 'Synchronisiere… {sent} von {total} gesendet',
    syncingNow: 'Synchronisiere…',
    syncedAt: 'Synchronisiert {when}',
    neverSynced: 'Noch nicht synchronisiert',
    retryAt: 'Nächster Versuch {when}.',
    companyName: 'Firmenname',
    domain: 'Domain',
    address: 'Adresse',
    companyEmails: 'Firmen-E-Mail',
    companyPhones: 'Firmentelefon',
    saveCompany: 'Firma speichern',
    updateCompany: 'Firma aktualisieren',
    companySaved: 'Firma gespeichert.',
    companyUpdated: 'Firma aktualisiert.',
    selectAll: 'Alle auswählen',
    optionsTitle: 'Rapport-Einstellungen',
    connection: 'Das Sheet Ihres Teams',
    connectedAs: 'Verbunden als {member}',
    lastSync: 'zuletzt synchronisiert {when}',
    disconnect: 'Trennen',
    disconnected: 'Getrennt. Ihre Kontakte bleiben in diesem Browser.',
    changeConnection: 'Anderes Sheet verbinden',
    setupLink: 'Einrichtungslink',
    setupLinkHint: 'Fügen Sie den Einrichtungslink aus dem Sheet ein (Rapport → Teammitglieder): Er füllt beide Felder unten aus.',
    sheetUrl: 'Web-App-URL des Sheets',
    syncToken: 'Ihr Sync-Token',
    tokenHint: 'Die Person, der das Sheet gehört, erstellt Ihr Token unter Rapport → Teammitglieder.',
    saveAndTest: 'Speichern und Verbindung testen',
    checking: 'Wird geprüft…',
    connectedSaved: 'Verbunden als {member}. Einstellungen gespeichert.',
    notSaved: 'Nicht gespeichert: {reason}',
    reminders: 'Erinnerungen',
    notifyLabel: 'Benachrichtigen, wenn eine Wiedervorlage fällig ist',
    notifyDenied: 'Der Browser hat Benachrichtigungen nicht erlaubt.',
    followUpTimeLabel: 'Übliche Uhrzeit für Wiedervorlagen',
    followUpTimeHint: 'Neue Wiedervorlagen bekommen diese Uhrzeit; eine Wiedervorlage nur mit Datum ist dann fällig.',
    syncState: 'Synchronisierung',
    welcomeTitle: 'Willkommen bei Rapport',
    welcomeLead: 'Ihre Kunden neben der E-Mail, die Sie gerade lesen. Drei Schritte zum Start.',
    pinTitle: 'Rapport an die Symbolleiste anheften',
    pinChrome: 'Klicken Sie oben rechts im Browser auf das Puzzle-Symbol und dann auf die Stecknadel neben Rapport. Oder drücken Sie auf jeder Seite Alt+Umschalt+R.',
    pinFirefox: 'Klicken Sie oben rechts auf das Puzzle-Symbol, dann auf das Zahnrad neben Rapport und „An Symbolleiste anheften“. Oder drücken Sie auf jeder Seite Alt+Umschalt+R.',
    connectTitle: 'Das Sheet Ihres Teams verbinden',
    connectText: 'Rapport speichert alles zuerst in diesem Browser und teilt es über ein Google Sheet. Fügen Sie den Einrichtungslink aus dem Sheet ein (Rapport → Teammitglieder) oder die Web-App-URL und Ihr Token.',
    connectDone: 'Verbunden als {member}.',
    openSettings: 'Einstellungen öffnen',
    tryTitle: 'An einer Beispiel-E-Mail ausprobieren',
    tryText: 'So sieht Rapport bei einer E-Mail aus: Es liest den Absender und seine Signatur. Speichern Sie den Kontakt, erfassen Sie die E-Mail, setzen Sie eine Wiedervorlage.',
    sampleSubject: 'Angebot für 25 Trekkingzelte',
    notNow: 'Das können Sie auch später in den Einstellungen erledigen.',
  },
  plural: {
    peopleOnPage: { one: '{count} Person auf dieser Seite', other: '{count} Personen auf dieser Seite' },
    saveSelected: { one: 'Auswahl speichern ({count})', other: 'Auswahl speichern ({count})' },
    savedSelected: { one: '{count} Kontakt gespeichert.', other: '{count} Kontakte gespeichert.' },
    pending: { one: '{count} Änderung hier gespeichert, wartet auf Synchronisierung', other: '{count} Änderungen hier gespeichert, warten auf Synchronisierung' },
    updateFieldCount: { one: '{count} Feld aktualisieren', other: '{count} Felder aktualisieren' },
    showAll: { one: 'Alle anzeigen ({count})', other: 'Alle anzeigen ({count})' },
    everyDays: { one: 'Tag', other: '{count} Tage' },
    todayCount: { one: '{count} heute fällig', other: '{count} heute fällig' },
    refusedCount: { one: '{count} Änderung kam nicht im Sheet an', other: '{count} Änderungen kamen nicht im Sheet an' },
    notificationTitle: { one: 'Wiedervorlage fällig', other: '{count} Wiedervorlagen fällig' },
  },
  groups: {
    stage: { lead: 'Lead', qualified: 'qualifiziert', customer: 'Kunde', loyal: 'Stammkunde', 'at risk': 'gefährdet', lost: 'verloren' },
    dealStage: { prospecting: 'Akquise', qualification: 'Qualifizierung', proposal: 'Angebot', negotiation: 'Verhandlung', won: 'Gewonnen', lost: 'Verloren' },
    interactionType: { email: 'E-Mail', call: 'Anruf', meeting: 'Termin', note: 'Notiz', purchase: 'Kauf', complaint: 'Reklamation', event: 'Veranstaltung', social: 'Social Media', web: 'Web' },
    historyKind: { stage: 'Phasenwechsel', deal: 'Deal', followUp: 'Wiedervorlage' },
    followUpStatus: { open: 'offen', done: 'erledigt', snoozed: 'zurückgestellt' },
    source: {
      gmail: 'Gmail', outlook: 'Outlook', 'json-ld': 'Seitendaten', microdata: 'Seitendaten', rdfa: 'Seitendaten', 'h-card': 'h-card', mailto: 'E-Mail-Link',
      tel: 'Telefon-Link', vcard: 'vCard-Link', signature: 'Signatur', selection: 'Markierung', site: 'Website', manual: 'manuelle Eingabe',
    },
    role: { sender: 'Absender', to: 'Empfänger', cc: 'in Kopie' },
    rfmSegment: {
      champions: 'Champion', loyal: 'Treu', 'potential loyalist': 'Potenziell treu', new: 'Neukunde', 'at risk': 'Gefährdet', "can't lose": 'Nicht verlieren', hibernating: 'Schlafend', lost: 'Verloren',
    },
    rfmMeaning: {
      champions: 'hat kürzlich, oft und viel gekauft.',
      loyal: 'kauft öfter als die meisten und ist noch aktiv.',
      'potential loyalist': 'hat recht kürzlich gekauft, noch nicht oft.',
      new: 'hat kürzlich zum ersten Mal gekauft.',
      'at risk': 'war ein guter Kunde und ist still geworden.',
      "can't lose": 'gehörte zu Ihren besten Kunden und ist still geworden: zurückgewinnen.',
      hibernating: 'wenige kleine Käufe vor einer Weile.',
      lost: 'wenige kleine Käufe vor langer Zeit.',
    },
    valueClassMeaning: {
      A: 'Klasse A: einer der wenigen Kunden, die 80 % Ihres Umsatzes bringen.',
      B: 'Klasse B: einer der Kunden, die die nächsten 15 % Ihres Umsatzes bringen.',
      C: 'Klasse C: einer der vielen Kunden, die die letzten 5 % Ihres Umsatzes bringen.',
    },
    syncError: {
      not_configured: 'Mit keinem Sheet verbunden.',
      network: 'Keine Verbindung zum Sheet. Ihre Änderungen bleiben hier und werden gesendet, sobald die Verbindung wieder da ist.',
      sign_in: 'Die Web-App des Sheets verlangt eine Google-Anmeldung: Stellen Sie sie mit Zugriff „Jeder“ bereit (Bereitstellen → Bereitstellungen verwalten).',
      not_rapport: 'Das ist nicht die Web-App eines Rapport-Sheets. Haben Sie die URL des Sheets statt der /exec-URL der Web-App eingefügt?',
      script_error: 'Das Skript des Sheets ist fehlgeschlagen: {detail}',
      timeout: 'Das Sheet hat zu lange gebraucht (Google bricht ein Skript nach 6 Minuten ab). Rapport versucht es mit weniger auf einmal erneut.',
      quota: 'Das Sheet hat sein tägliches Google-Kontingent aufgebraucht. Rapport versucht es später erneut.',
      http: 'Das Sheet hat mit einem Fehler geantwortet (HTTP {detail}).',
      bad_response: 'Die Antwort des Sheets war unverständlich. Ist das Rapport-Add-on im Sheet aktuell?',
      unauthorized: 'Das Sheet kennt dieses Token nicht: Prüfen Sie es oder bitten Sie die Person, der das Sheet gehört, um eines (Rapport → Team members).',
      revoked: 'Die Person, der das Sheet gehört, hat Ihr Token zurückgezogen. Noch nicht synchronisierte Änderungen bleiben hier; bitten Sie um ein neues.',
      bad_request: 'Das Sheet konnte nicht lesen, was Rapport gesendet hat: {detail}',
      unknown_table: 'Im Sheet fehlt ein Rapport-Tab. Führen Sie im Sheet Rapport → Einrichten aus.',
      busy: 'Das Sheet ist mit einer anderen Synchronisierung beschäftigt. Rapport versucht es gleich erneut.',
      internal: 'Im Sheet ist ein Problem aufgetreten: {detail}',
      not_a_url: 'Das ist keine URL. Fügen Sie die Web-App-URL ein, die auf /exec endet.',
      not_https: 'Die URL des Sheets muss mit https:// beginnen (oder das lokale Sheet auf 127.0.0.1 sein).',
    },
    problem: {
      not_understood: 'Rapport hat diese Anfrage nicht verstanden.',
      unreadable_page: 'Rapport kann diese Seite nicht lesen ({detail}). Sie können trotzdem einen Kontakt von Hand anlegen.',
      nothing_readable: 'Auf dieser Seite konnte Rapport nichts lesen. Sie können trotzdem einen Kontakt von Hand anlegen.',
      record_gone: 'Dieser Eintrag wurde inzwischen gelöscht, vielleicht von jemandem aus dem Team.',
      never_logged: 'Diese Adresse steht auf Ihrer Nie-erfassen-Liste (Rapport-Einstellungen); Rapport speichert und erfasst sie nicht.',
      failed: 'Etwas ist schiefgegangen: {detail}',
    },
    refused: {
      rejected: 'Das Sheet hat es abgelehnt: {detail}',
      set_aside: 'Das Sheet ist dreimal daran gescheitert; es bleibt nur in diesem Browser. {detail}',
      newer: 'Jemand aus dem Team hat es später geändert; diese Fassung wurde behalten. {detail}',
      deleted: 'Es wurde inzwischen im Sheet gelöscht.',
      unwritable: 'Das Sheet hat keine brauchbare Spalte dafür; führen Sie im Sheet Rapport → Einrichten aus. {detail}',
    },
    record: { contacts: 'Kontakt', companies: 'Firma', interactions: 'Historieneintrag', deals: 'Deal', followUps: 'Wiedervorlage' },
    direction: { inbound: 'Eingehend', outbound: 'Ausgehend' },
    callOutcome: { reached: 'Gesprochen', voicemail: 'Auf Mailbox gesprochen', no_answer: 'Nicht erreicht', busy: 'Besetzt' },
    field: { firstName: 'Vorname', lastName: 'Nachname', emails: 'E-Mail', phones: 'Telefon', jobTitle: 'Position', company: 'Firma', website: 'Website', stage: 'Phase', tags: 'Schlagwörter', keepInTouchDays: 'Kontakt-Rhythmus' },
  },
};

const dictionaries: Record<Language, Dictionary> = { en, de };
export type Language = 'en' | 'de';
export type TextKey = keyof typeof en.text;
export type PluralKey = keyof typeof en.plural;
export type GroupName = keyof Groups;
type Vars = Record<string, string | number>;

export const languageFor = (locale: string): Language => (locale.toLowerCase().startsWith('de') ? 'de' : 'en');

/** The words and the formats of one reader: a language for words, a locale for dates and numbers. */
export interface I18n {
  language: Language;
  locale: string;
  t(key: TextKey, vars?: Vars): string;
  /** the plural form for `count` ({count} is filled in) */
  n(key: PluralKey, count: number, vars?: Vars): string;
  /** the word for a value of a fixed set; an unknown value (a sheet's own) is shown as it is */
  label(group: GroupName, value: string, vars?: Vars): string;
  /** a calendar day, e.g. "Mon 7 Dec" / "Mo., 7. Dez." */
  day(day: string): string;
  /** an instant as a day and time in the reader's zone */
  dateTime(instant: string | Date): string;
  time(instant: string | Date): string;
  /** "today", "tomorrow", "yesterday" or the day */
  relativeDay(day: string, today: string): string;
  money(amount: number, currency?: string): string;
  percent(share: number): string;
}

const fill = (text: string, vars: Vars) => text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));

export function createI18n(language: Language, locale: string = language): I18n {
  const dictionary = dictionaries[language];
  const plurals = new Intl.PluralRules(locale);
  const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dayTimeFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  // Made once each: making a format costs far more than using one.
  const wholeAmounts = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const currencies = new Map<string, Intl.NumberFormat>();
  const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
  const i18n: I18n = {
    language,
    locale,
    t: (key, vars = {}) => fill(dictionary.text[key], vars),
    n: (key, count, vars = {}) => {
      const forms = dictionary.plural[key];
      return fill(plurals.select(count) === 'one' ? forms.one : forms.other, { ...vars, count: count.toLocaleString(locale) });
    },
    label: (group, value, vars = {}) => {
      const words = dictionary.groups[group] as Record<string, string>;
      return Object.hasOwn(words, value) ? fill(words[value]!, vars) : value;
    },
    day: (day) => (Number.isFinite(dayMs(day)) ? dayFormat.format(new Date(dayMs(day))) : day),
    dateTime: (instant) => dayTimeFormat.format(new Date(instant)),
    time: (instant) => timeFormat.format(new Date(instant)),
    relativeDay: (day, today) => {
      const days = Math.round((dayMs(day) - dayMs(today)) / 86_400_000);
      return Math.abs(days) <= 1 ? relative.format(days, 'day') : i18n.day(day);
    },
    money: (amount, currency) => {
      if (!currency) return wholeAmounts.format(amount);
      let format = currencies.get(currency);
      if (!format) currencies.set(currency, (format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 })));
      return format.format(amount);
    },
    percent: (share) => percents.format(share),
  };
  return i18n;
}

/** The keys of the dictionary, for the test that every word is used somewhere. */
export const dictionaryKeys = { text: Object.keys(en.text) as TextKey[], plural: Object.keys(en.plural) as PluralKey[] };
