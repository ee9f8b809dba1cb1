// The vocabulary of email signatures in English and German, kept apart from the parser's logic.

/** "Best regards", "Mit freundlichen Grüßen", "Cheers", "VG"…: the line that ends the message and starts the signature. */
export const closingPhrase = new RegExp(
  '^(?:' +
    [
      '(?:best|kind|kindest|warm|warmest|many|with best|with kind)?\\s*(?:regards|wishes)',
      'best',
      'cheers',
      'thanks(?: again| so much| a lot)?',
      'thank you(?: very much| so much)?',
      'many thanks',
      'sincerely',
      'yours(?: truly| sincerely| faithfully)?',
      'all the best',
      'talk soon',
      'take care',
      'respectfully',
      'cordially',
      'mit (?:den )?(?:freundlichen|besten|herzlichen|lieben|vielen|kollegialen|sonnigen)?\\s*(?:grüßen|grüssen|gruß|gruss|dank)',
      '(?:viele|beste|liebe|herzliche|schöne|freundliche|sonnige|freundlichste|liebste|kollegiale)\\s+(?:grüße|grüsse)',
      'herzlichst',
      'gruß|gruss|grüße|grüsse',
      'danke(?: schön| sehr)?|vielen dank',
      'mfg|vg|lg|bg|hg|sg|rgds|br|thx',
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

/** Lines added by mail apps, not by the writer. */
export const appFooter = /^(?:sent from my|sent from outlook|sent via|get outlook for|von meinem .* gesendet|gesendet von|gesendet mit|diese nachricht wurde von meinem)/i;

/** Words that mark a paragraph as a legal disclaimer or a print notice. */
export const disclaimerWords = /\b(?:confidential|intended recipient|privileged|unauthori[sz]ed|disclosure|received this (?:e-?mail|message) in error|consider the environment|before printing|vertraulich|adressat|empfänger|irrtümlich|rechtlich geschützt|unbefugte|ausdrucken|umwelt|unsubscribe|abmelden)\b/i;

/** German imprint lines: directors, court registry, tax ids. Their names are not the writer's. */
export const imprintLine = /^(?:(?:geschäftsführ\w*|gf|vorstand|vorsitz\w*|aufsichtsrat\w*|sitz(?: der gesellschaft)?|registergericht|handelsregister|ust[-. ]?id\w*|ust\.?|steuer-?nr\.?|steuernummer|vat(?: no| number| id)?|company (?:registration|number|no)|registered (?:office|in)|managing directors?|directors?|inhaber(?:in)?|board)\s*(?:\([^)]*\)\s*)?:|(?:amtsgericht|registergericht|handelsregister|hrb|hra)\b|registered in\b)/i;

/** "i. A.", "i.V.", "ppa." and "Im Auftrag": signing on behalf of, not part of the name. */
export const onBehalfPrefix = /^(?:i\.\s?a\.|i\.\s?v\.|ppa\.|pp\.|im auftrag|in vertretung|per procura)\s*/i;

/** Legal forms; a segment ending in one is a company. */
export const legalForm = /(?:\b(?:GmbH(?:\s*&\s*Co\.?\s*KG(?:aA)?)?|gGmbH|AG(?:\s*&\s*Co\.?\s*KG)?|SE|KG|KGaA|OHG|GbR|UG(?:\s*\(haftungsbeschränkt\))?|mbH|PartG(?:\s*mbB)?|Inc|Incorporated|Corp|Corporation|LLC|LLP|L\.L\.C|Ltd|Limited|plc|PLC|Co|Pty(?:\s*Ltd)?|SA|SAS|BV|NV|Srl|SpA|AB|ApS|Oy|GesmbH)\b\.?|\be\.\s?K\.|\be\.\s?V\.|\bS\.A\.(?:S\.)?|\bB\.V\.|\bN\.V\.|\bS\.r\.l\.|\bS\.p\.A\.|\bSp\.\s?z\s?o\.o\.|\bA\/S)\)?$/;

/** Words common in company names that have no legal form ("Brightwave Labs", "Praxis am Markt"). */
export const companyWord = /(?:^|[\s&-])(?:labs?|studios?|systems?|solutions|technologies|technology|tech|software|consulting|beratung|agency|agentur|clinics?|healthcare|health|academy|foods?|freight|logistics|logistik|industries|industrial|analytics|collective|ventures|capital|partners|associates|group|gruppe|holding|bank|versicherung\w*|praxis|kanzlei|stadtwerke|\w*technik|it-service|systemhaus|verlag|media|medien|design|events|supply|traders|trading|marine|utilities|interiors|robotics|paper|university|universität|hochschule|institut|institute|school|schule|foundation|stiftung|verein|association|club|hotel|restaurant|bakery|bäckerei|werkstatt|services|service|networks|digital|markets|pharma|energy|energie|bau|immobilien|properties|realty)(?=$|[\s,.&-])/iu;

/** Job title words at the start of a word (English and German). */
const titleStems = [
  'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'cso', 'cpo', 'cro', 'vp', 'svp', 'evp', 'avp',
  'founder', 'co-founder', 'cofounder', 'gründer', 'mitgründer', 'geschäftsführ', 'gesellschafter', 'inhaber', 'owner',
  'president', 'präsident', 'chair', 'vorstand', 'vorsitz', 'director', 'direktor', 'head of', 'head,', 'leiter', 'leitung',
  'lead', 'manager', 'officer', 'chief', 'engineer', 'ingenieur', 'developer', 'entwickler', 'consultant', 'berater',
  'specialist', 'spezialist', 'referent', 'sachbearbeiter', 'assistant', 'assistent', 'sekretär', 'secretary',
  'coordinator', 'koordinator', 'analyst', 'architect', 'architekt', 'designer', 'fotograf', 'photographer',
  'account executive', 'executive', 'associate', 'business partner', 'partnerships', 'representative', 'advisor', 'adviser',
  'support', 'recruiter', 'attorney', 'counsel', 'lawyer', 'rechtsanw', 'fachanw', 'steuerberater', 'accountant',
  'accounts receivable', 'accounts payable', 'buchhalt', 'controller', 'einkauf', 'purchasing', 'procurement', 'buyer',
  'sales', 'vertrieb', 'marketing', 'key account', 'product', 'projekt', 'project', 'team', 'praktikant', 'intern',
  'werkstudent', 'trainee', 'auszubildend', 'techniker', 'technician', 'therapist', 'therapeut', 'nurse',
  'arzt', 'ärztin', 'fachärzt', 'physician', 'doctor', 'professor', 'lecturer', 'dozent', 'teacher', 'lehrer', 'editor',
  'redakteur', 'journalist', 'producer', 'agent', 'broker', 'makler', 'realtor', 'operations', 'ops', 'hr', 'human resources',
  'senior', 'junior', 'principal', 'kundenservice', 'customer success', 'customer service', 'office manager', 'admissions',
  'personalreferent', 'kaufmann', 'kauffrau', 'prokurist', 'verkauf', 'außendienst', 'innendienst', 'sprecher', 'spokes',
];
/** German compound titles end in these nouns: "Abteilungsleiterin", "Personalreferentin". */
const titleSuffixes = ['leiter', 'leiterin', 'referent', 'referentin', 'berater', 'beraterin', 'bearbeiter', 'bearbeiterin', 'führer', 'führerin', 'ingenieur', 'ingenieurin', 'entwickler', 'entwicklerin', 'assistent', 'assistentin', 'anwalt', 'anwältin', 'ärztin', 'arzt', 'meister', 'meisterin', 'techniker', 'technikerin', 'manager', 'managerin', 'dienst', 'kaufmann', 'kauffrau', 'makler', 'maklerin'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const titleStart = new RegExp(`(?:^|[\\s(&/-])(?:${titleStems.map(escape).join('|')})`, 'iu');
const titleEnd = new RegExp(`\\p{L}(?:${titleSuffixes.join('|')})(?=$|[\\s,.])`, 'iu');

/** Whether the text contains a job-title word. */
export function hasTitleWord(text: string): boolean {
  return titleStart.test(text) || titleEnd.test(text);
}

/** Profile sites: a link to one is a social link, not the company's website. */
export const socialHost = /(?:^|\.)(?:linkedin\.com|xing\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|github\.com|youtube\.com|tiktok\.com|mastodon\.social|bsky\.app|threads\.net|calendly\.com)$/i;

/** Labels before a phone number; fax labels are checked first and excluded. */
export const faxLabel = /(?:^|[\s|·•,;(])(?:fax|telefax|fx|f)\s*\.?\s*[:.]?\s*$/i;
export const phoneLabel = /(?:^|[\s|·•,;(])(?:tel|tele|telefon|telephone|phone|ph|p|t|m|mob|mobil|mobile|mobiltelefon|handy|cell|c|direct|direkt|durchwahl|dw|d|office|o|work|zentrale|main|hotline|whatsapp|büro|fon|tél|call)\s*\.?\s*(?:\([^)]{0,20}\))?\s*[:.]?\s*$/i;

/** A run of characters that may be a phone number. */
export const phoneRun = /(?:\+|\b00)?\(?\d[\d\s().\/-]{4,}\d(?:\s*(?:ext\.?|x|durchwahl|dw)\s*\d{1,5})?/gi;

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
