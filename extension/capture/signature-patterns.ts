// The vocabulary of email signatures in English and German, kept apart from the parser's logic.

/** "Best regards", "Mit freundlichen Grüßen", "Cheers", "VG"…: the line that ends the message and starts the signature. */
export const closingPhrase = new RegExp(
  '^(?:' +
    [
      '(?:best|kind|kindest|warm|warmest|many|with best|with kind)?\\s*(?:regards|wishes)',
      'best',
      'cheers',
      'thanks(?: again| so much| a lot| in advance| (?:&|and) (?:best |kind )?regards)?',
      'thanx',
      'thank you(?: very much| so much)?',
      'many thanks',
      'sincerely',
      'yours(?: truly| sincerely| faithfully)?',
      'all the best',
      'talk soon',
      'take care',
      'respectfully',
      'cordially',
      'mit (?:den )?(?:freundlichen|freundlichem|besten|herzlichen|lieben|vielen|kollegialen|sonnigen)?\\s*(?:grüßen|grüssen|gruß|gruss|dank)',
      '(?:viele|beste|liebe|herzliche|schöne|freundliche|sonnige|freundlichste|liebste|kollegiale)\\s+(?:grüße|grüsse)',
      'herzlichst',
      'gruß|gruss|grüße|grüsse',
      'danke(?: schön| sehr)?|vielen dank',
      'mfg|vg|lg|bg|hg|sg|rgds|br|thx',
      // the Dutch, Scandinavian and Romance closings seen on international lists
      'met vriendelijke groet(?:en)?|venlig hilsen|med vänliga hälsningar|mvh|cordialement|saludos|un saludo|cordiali saluti|saluti',
    ].join('|') +
    ')(?=$|[\\s,.!/:;-])',
  'iu',
);

/** What may follow a closing phrase on its line: "aus Hamburg", "from Berlin", "!" or nothing. */
export const closingRemainder = /^(?:[\s,.!:;-]*|\s*(?:aus|from|vom|von der|von)\s+[\p{L} .-]{2,40}[.!,]?)$/iu;

/** Lines that introduce a quoted earlier message; everything from here on is not the writer's. */
export const quoteHeaders = [
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|original-nachricht|forwarded message|weitergeleitete nachricht)\s*-{2,}/i,
  /^begin forwarded message:?$/i,
  /^anfang der weitergeleiteten nachricht:?$/i,
];

/** "On Mon, … Ann <a@x> wrote:" and "Am 12.03.2025 um 14:02 schrieb …:", possibly over two lines. */
export const replyAttribution = /^(?:on|am|le|el|il|op)\s.{4,240}?\b(?:wrote|schrieb|a écrit|escribió|ha scritto|schreef)\b.{0,200}:\s*$/i;

/** The header block Outlook puts above a quoted message: "From: …" then "Sent:"/"Gesendet:". */
export const headerFrom = /^\*?(?:from|von|de)\*?:\s*\S/i;
export const headerNext = /^\*?(?:sent|gesendet|date|datum|to|an|subject|betreff|cc)\*?:/i;

/** Attachment names Outlook and Lotus append ("- report.doc") */
export const attachmentLine = /^-\s+\S.{0,200}\.(?:docx?|xlsx?|pptx?|pdf|wpd|txt|zip|png|jpe?g|gif|csv|rtf|msg|vcf|xml|htm|html)$/i;

/** Mailing-list and archive footers: everything from here on is the list's. */
export const listFooter = /^(?:[\w.-]+ mailing list$|to unsubscribe\b|unsubscribe:|view this message in context:|sent from the .{1,80} (?:mailing list )?archive|https?:\/\/\S*\/(?:mailman\/)?listinfo\/)/i;

/** Headings of legal notices ("Confidentiality Notice", "Disclaimer:"). */
export const disclaimerHeading = /^(?:confidentiality (?:notice|note)|disclaimer|legal notice|important notice|haftungsausschluss|rechtlicher hinweis|datenschutzhinweis)\s*:?$/i;

/** Lines added by mail apps, not by the writer. */
export const appFooter = /^(?:sent from my|sent from outlook|sent via|get outlook for|von meinem .* gesendet|gesendet von|gesendet mit|diese nachricht wurde von meinem|do you yahoo!?\??|get your (?:free|private)|get the new yahoo|get your free download of msn|join the world.s largest e-?mail service)/i;

/** Words that mark a paragraph as a legal disclaimer or a print notice. */
export const disclaimerWords = /\b(?:confidential|intended recipient|privileged|unauthori[sz]ed|disclosure|received this (?:e-?mail|message) in error|consider the environment|before printing|vertraulich|adressat|empfänger|irrtümlich|rechtlich geschützt|unbefugte|ausdrucken|umwelt|unsubscribe|abmelden)\b/i;

/**
 * German imprint text (and its English twins): directors, board, court registry, tax ids. The names
 * in it are not the writer's. A segment is imprint when it starts with such a label (words before a
 * colon: "Vorsitzender des Aufsichtsrats:", "Geschäftsführer (Managing Directors):") or names a registry.
 */
export const imprintLabel = /^[^:]{0,60}?\b(?:geschäftsführ\w*|gf|vorstand\w*|vorsitz\w*|aufsichtsrat\w*|sitz(?: der gesellschaft)?|firmensitz|registergericht|handelsregister|amtsgericht|ust[-. ]?id\w*|ust\.?|steuer-?nr\.?|st\.-?nr\.?|steuernummer|vat(?: no| number| id| reg\w*)?|company (?:reg\w*|number|no)|reg(?:istration|istered)? (?:no|number|office|court)|registered (?:office|in|at)|managing directors?|directors?|inhaber(?:in)?|board|persönlich haftende\b.*|gesellschafter\w*|location|chairman|chairwoman|president of the supervisory board)\b[^:]{0,40}:/i;
// "HRB XXXXXX": test mail and shared examples blank the number out.
export const registryMention = /\b(?:HRB|HRA|GnR|PR|VR)\s?(?:\d|X{3,}\b)|\b(?:amtsgericht|registergericht|handelsregister|registered in (?:england|the uk|scotland|ireland)|company reg(?:istration)? no|ust-?id(?:nr)?\.?|sitz der gesellschaft|sitz:)/i;

/** "i. A.", "i.V.", "ppa." and "Im Auftrag": signing on behalf of, not part of the name. */
export const onBehalfPrefix = /^(?:i\.\s?a\.|i\.\s?v\.|ppa\.|pp\.|im auftrag|in vertretung|per procura)\s*/i;

// Legal forms. A segment ending in one is a company; one inside a line ("Trifork Public A/S Dyssen 1",
// "Acme GmbH, Hauptstr. 3") ends the company's name.
const legalFormSource =
  '(?:\\b(?:GmbH(?:\\s*&\\s*Co\\.?\\s*KG(?:aA)?)?|gGmbH|AG(?:\\s*&\\s*Co\\.?\\s*(?:KG|OHG))?|SE|KG|KGaA|OHG|GbR|UG(?:\\s*\\(haftungsbeschränkt\\))?|mbH|PartG(?:\\s*mbB)?|' +
  'Inc|Incorporated|Corp|Corporation|LLC|LLP|LP|LLLP|PLLC|L\\.L\\.C|Ltd|Limited|plc|PLC|Co|Pty(?:\\s*Ltd)?|SA|SAS|BV|NV|Srl|SpA|AB|ApS|Oy|GesmbH|AS|ASA|DOO|d\\.o\\.o|s\\.r\\.o)\\b\\.?|' +
  '\\be\\.\\s?K\\.|\\be\\.\\s?V\\.|\\bL\\.L\\.P\\.|\\bL\\.P\\.|\\bS\\.A\\.(?:S\\.)?|\\bB\\.V\\.|\\bN\\.V\\.|\\bS\\.r\\.l\\.|\\bS\\.p\\.A\\.|\\bSp\\.\\s?z\\s?o\\.o\\.|\\bA\\/S)\\)?';
export const legalForm = new RegExp(`${legalFormSource}$`);
/** The company's name up to a legal form inside a longer segment. */
export const companyUpToLegalForm = new RegExp(`^(\\p{Lu}[^,;|]{1,80}?(?:,\\s*)?${legalFormSource})(?=[\\s,;]|$)`, 'u');

/** Words common in company names that have no legal form ("Brightwave Labs", "Praxis am Markt"). */
export const companyWord = /(?:^|[\s&-])(?:labs?|studios?|systems?|solutions|technologies|technology|tech|software|consulting|consultants|beratung|agency|agentur|clinics?|healthcare|health|academy|foods?|freight|logistics|logistik|industries|industrial|analytics|collective|ventures|capital|partners|associates|group|gruppe|holding|bank|versicherung\w*|praxis|kanzlei|stadtwerke|\w*technik|it-service|systemhaus|verlag|media|medien|design|events|supply|traders|trading|marine|utilities|interiors|robotics|paper|university|universität|universidad|université|hochschule|college|institut|institute|school|schule|foundation|stiftung|verein|association|society|council|commission|committee|federation|center|centre|zentrum|library|museum|hospital|klinikum|club|hotel|restaurant|bakery|bäckerei|werkstatt|services|service|networks|digital|markets|pharma|energy|energie|bau|immobilien|properties|realty|company|companies|corporation|enterprises|international|pipeline|resources|exploration|research|laboratory|laboratories|gmbh)(?=$|[\s,.&-])/iu;

/** Nouns that name a role, as whole words (a German feminine "-in" allowed): a segment with one is a job title. */
const roleWords = [
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cso', 'cpo', 'cro', 'vp', 'svp', 'evp', 'avp', 'md',
  'founder', 'cofounder', 'owner', 'president', 'chair', 'chairman', 'chairwoman', 'chairperson', 'director', 'direktor',
  'leiter', 'lead', 'teamlead', 'manager', 'mgr', 'officer', 'chief', 'engineer', 'ingenieur', 'developer', 'entwickler', 'consultant',
  'berater', 'specialist', 'spezialist', 'referent', 'assistant', 'assistent', 'secretary', 'coordinator', 'koordinator',
  'analyst', 'architect', 'architekt', 'designer', 'fotograf', 'photographer', 'executive', 'associate', 'partner', 'advisor',
  'adviser', 'recruiter', 'attorney', 'counsel', 'lawyer', 'paralegal', 'accountant', 'buchhalter', 'controller', 'comptroller',
  'treasurer', 'auditor', 'buyer', 'trader', 'scheduler', 'planner', 'clerk', 'administrator', 'supervisor', 'superintendent',
  'foreman', 'intern', 'trainee', 'techniker', 'technician', 'therapist', 'therapeut', 'nurse', 'arzt', 'ärztin', 'physician',
  'doctor', 'professor', 'lecturer', 'dozent', 'teacher', 'lehrer', 'editor', 'redakteur', 'journalist', 'producer', 'agent',
  'broker', 'makler', 'realtor', 'principal', 'prokurist', 'sprecher', 'scientist', 'researcher', 'economist', 'strategist',
  'evangelist', 'advocate', 'fellow', 'student', 'postdoc', 'maintainer', 'committer', 'programmer', 'programmierer', 'operator',
  'dispatcher', 'chemist', 'physicist', 'pharmacist', 'actuary', 'underwriter', 'solicitor', 'barrister', 'notar',
  'inhaber', 'gesellschafter', 'vorstand', 'kaufmann', 'kauffrau', 'mitarbeiter', 'sachbearbeiter', 'praktikant', 'werkstudent',
  'einkäufer', 'verkäufer', 'doktorand', 'gründer', 'mitgründer', 'präsident', 'sekretär', 'geschäftsführer',
];
/** Beginnings of role words that come in many forms ("Geschäftsführerin", "Rechtsanwältin", "Representative", "Co-Founder"). */
const rolePrefixes = ['geschäftsführ', 'rechtsanw', 'fachanw', 'fachärzt', 'steuerberater', 'auszubildend', 'represen', 'spokes', 'wissenschaftl', 'vorsitz', 'leitung', 'co-founder', 'head of', 'head,', 'angestellte'];
/** German compound titles end in these nouns: "Abteilungsleiterin", "Personalreferentin". */
const roleSuffixes = ['leiter', 'leiterin', 'referent', 'referentin', 'berater', 'beraterin', 'bearbeiter', 'bearbeiterin', 'führer', 'führerin', 'ingenieur', 'ingenieurin', 'entwickler', 'entwicklerin', 'assistent', 'assistentin', 'anwalt', 'anwältin', 'ärztin', 'arzt', 'meister', 'meisterin', 'techniker', 'technikerin', 'manager', 'managerin', 'kaufmann', 'kauffrau', 'makler', 'maklerin', 'ologist', 'ologe', 'ologin', 'wirt', 'wirtin'];
/** Words of department names and fields of work: a segment of only these is a department, not a title ("IT & IT Operations", "Treasury Dept."). */
const departmentWords = [
  'sales', 'vertrieb', 'verkauf', 'marketing', 'operations?', 'ops', 'hr', 'human', 'resources?', 'personal', 'support', 'einkauf',
  'purchasing', 'procurement', 'customer', 'services?', 'kundenservice', 'kundendienst', 'it', 'research', 'forschung', 'treasury',
  'finance', 'finanzen', 'legal', 'accounting', 'buchhaltung', 'accounts', 'products?', 'projekte?', 'projects?', 'business',
  'development', 'engineering', 'entwicklung', 'dept', 'department', 'abteilung', 'division', 'innendienst', 'außendienst',
  'admissions', 'technology', 'technologies', 'infrastructure', 'communications?', 'kommunikation', 'presse', 'press',
  'logistics', 'logistik', 'quality', 'qualität', 'administration', 'verwaltung', 'regulatory', 'compliance', 'risk', 'strategy',
  'data', 'software', 'technical', 'technik', 'hardware', 'network', 'security', 'sicherheit', 'corporate', 'global', 'public',
  'relations', 'affairs', 'investor', 'trading', 'team', 'solutions', 'cloud', 'platform', 'digital', 'database',
];
const departmentWord = new RegExp(`^(?:${departmentWords.join('|')})\\.?,?$`, 'iu');
const connectorWord = /^(?:&|and|und|of|for|für|de|des|der|-|–|\/|\+)$/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole words: a role noun in the plural names a firm ("MBM Consultants"), and "intern" is not "International".
const roleStart = new RegExp(`(?:^|[\\s(&/,-])(?:(?:${roleWords.map(escape).join('|')})(?:in|innen)?(?=$|[\\s,.&/):-])|${rolePrefixes.map(escape).join('|')})|^(?:sr|snr|jr)\\.?\\s+\\p{L}`, 'iu');
const roleEnd = new RegExp(`\\p{L}(?:${roleSuffixes.join('|')})(?=$|[\\s,.])`, 'iu');

/** Whether the text names a role ("Senior Counsel", "Leiterin Einkauf", "Geologist"). */
export function hasTitleWord(text: string): boolean {
  return roleStart.test(text) || roleEnd.test(text);
}

/** Whether the text names a department or field of work and no role ("Treasury Dept.", "Service und Support", "Data Technologies Team"). */
export function isDepartment(text: string): boolean {
  if (hasTitleWord(text)) return false;
  const words = text.split(/\s+/).filter((word) => word && !connectorWord.test(word));
  if (words.length === 0 || words.length > 6) return false;
  // "Transaction Management" is a function; "Wellington Asset Management" names a firm.
  return words.every((word) => departmentWord.test(word)) || /^(?:dept\.?|department|division|team|abteilung|bereich)$/i.test(words.at(-1)!) ||
    /^(?:dept\.?|department|division|abteilung|bereich)$/i.test(words[0]) || (words.length === 2 && /^management$/i.test(words[1]));
}

/** Profile sites: a link to one is a social link, not the company's website. */
export const socialHost = /(?:^|\.)(?:linkedin\.com|xing\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|github\.com|youtube\.com|tiktok\.com|mastodon\.social|bsky\.app|threads\.net|calendly\.com)$/i;

/** Labels before a phone number; fax labels are checked first and excluded. */
export const faxLabel = /(?:^|[\s|·•,;(])(?:fax|telefax|facsimile)\b[^\d\n]{0,30}$|(?:^|[\s|·•,;(])(?:fx|f)\s*[:.]?\s*$/i;
/** "(415) 733-4190 fax", "713-706-4750 -  Fax": the label after the number. */
export const faxAfter = /^[\s\-–(]*(?:fax|facsimile|telefax|pager)\b\)?\.?(?!\s*[:.]?\s*[\d+(])/i;
export const phoneLabel = /(?:^|[\s|·•,;(])(?:tel|tele|telefon|telephone|phone|ph|p|t|m|mob|mobil|mobile|mobiltelefon|handy|cell|c|direct|direkt|durchwahl|dw|d|office|o|work|zentrale|main|hotline|whatsapp|büro|fon|tél|call)\s*\.?\s*(?:\([^)]{0,20}\))?\s*[:.]?\s*$/i;

/** A run of characters that may be a phone number. */
export const phoneRun = /(?:\+\s?|\b00)?\(?\d[\d\s().\/-]{4,}\d(?:\s*(?:ext\.?|x|durchwahl|dw)\s*\d{1,5})?/gi;

/** A line that looks like part of a postal address. */
export const streetLine = [
  // English: "500 W Madison St", "1 Quay Street", "4500 Lakeshore Drive"
  /^\d{1,5}[a-z]?\s+(?:[\p{L}.'-]+\s+){0,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|square|sq|parkway|pkwy|highway|hwy|quay|row|terrace|crescent|close)\.?(?=$|[\s,])/iu,
  // German: "Industriestraße 14", "Am Hafen 3", "Königsallee 60", "Wiedner Hauptstraße 25"
  /^(?:\p{Lu}[\p{L}.'-]*\s+){0,3}[\p{L}.'-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|hof|park|berg|graben|kai|zeile|tor|hafen|feld|garten|brücke|wall)\s+\d{1,4}\s?[a-z]?(?:\s*[-–]\s*\d{1,4})?(?=$|[\s,])/iu,
  /^(?:am|an der|an den|auf dem|auf der|im|in der|zum|zur)\s+\p{Lu}[\p{L}-]+\s+\d{1,4}\s?[a-z]?$/iu,
  /^postfach\s+[\d\s]+/i,
  /^(?:suite|ste\.?|floor|\d+(?:st|nd|rd|th)\s+floor|unit|building)\b/i,
];
/** "70565 Stuttgart", "D-80331 München", "1040 Wien", "Chicago, IL 60661", "Bristol BS1 4DJ". */
export const postalLine = [
  /^(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}[\p{L}.'-]+(?:\s+(?:am|an der|im|in|ob der|\(?\p{Lu}[\p{L}.'-]*\)?))*$/u,
  /^\p{Lu}[\p{L}.' -]+,\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$/u,
  /^\p{Lu}[\p{L}.' -]+\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$/u,
];
export const countryLine = /^(?:germany|deutschland|austria|österreich|switzerland|schweiz|suisse|united kingdom|uk|england|scotland|usa|u\.s\.a\.|united states(?: of america)?|ireland|france|frankreich|netherlands|niederlande|belgium|belgien|italy|italien|spain|spanien|canada|australia)$/i;
