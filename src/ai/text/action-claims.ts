/**
 * Detects sentences in which the writer claims to have done something the
 * product never does: closed, resolved, approved, executed, granted, sent,
 * escalated to a vendor, routed, failed over (the seed: "AI may not close
 * tickets, mark approvals complete, or change service state"). An output
 * carrying such a claim is rejected whole: it means the model followed an
 * instruction or invented an outcome, and a reviewer might believe it
 * (../shared/reference/llm-security.md, "What to do with output").
 *
 * Checked on the provider's own words only; verbatim quotes of sources are
 * data and are checked for being verbatim instead. Phrasings in English,
 * French, German, Spanish, Portuguese and Italian. Negations ("has not been
 * approved") and intentions in the passive ("must be approved before it is
 * sent") do not match.
 */
import { memoByText } from '../../util/text-memo.js';

const DONE =
  'closed|resolved|cancell?ed|approved|executed|granted|sent|e-?mailed|mailed|forwarded|escalated|routed|re-?routed|re-?assigned|assigned|failed over|provisioned|created|deleted|removed|disabled|enabled|revoked|deployed|restarted|rebooted|reset|submitted|notified|contacted|completed|performed|applied|implemented|extended|rolled back|patched|published|posted|shared|uploaded|transferred|authori[sz]ed|signed off|marked|validated|verified|fixed|released|ran|run|started|stopped|opened';
const DO =
  'close|resolve|cancel|approve|execute|grant|send|e-?mail|forward|escalate|route|re-?route|re-?assign|assign|fail over|provision|create|delete|remove|disable|enable|revoke|deploy|restart|reboot|reset|submit|notify|contact|complete|perform|apply|implement|extend|roll back|patch|publish|post|share|upload|transfer|authori[sz]e|sign off|mark|validate|verify|fix|release|run|start|stop|open';
const ADVERBS = '(?:now|already|just|successfully|also|then|finally|automatically|immediately)';
const SUBJECT = '(?:(?:the|this|your|my)\\s+)?(?:ticket|incident|request|case|issue|change|exception|access|account|privileges?|permissions?|role|approval|packet|escalation|email|e-mail|message)';
/** A condition or purpose before the subject makes it no claim: "before the packet is sent". */
const NOT_AFTER = '(?<!\\b(?:before|until|once|when|if|unless|after|whether|so that|that)\\s+(?:(?:the|this|your|my)\\s+)?)';
const STATE = 'closed|resolved|cancell?ed|approved|granted|sent|escalated|executed|routed|re-?assigned|completed|done|extended|revoked|disabled|validated|authori[sz]ed';

const PATTERNS: readonly RegExp[] = [
  // I / we / the AI did it.
  new RegExp(`\\b(?:i|we|the ai|this ai|the assistant|ai assistant)\\s+(?:(?:have|has|had|'ve|’ve)\\s+)?(?:${ADVERBS}\\s+)*(?:${DONE})\\b`, 'i'),
  // I / we will do it.
  new RegExp(`\\b(?:i|we)\\s+(?:will|'ll|’ll|shall|am going to|are going to|am about to)\\s+(?:${ADVERBS}\\s+)*(?:${DO})\\b`, 'i'),
  // It has been done.
  new RegExp(`\\b(?:has|have|had)\\s+(?:${ADVERBS}\\s+)*been\\s+(?:${ADVERBS}\\s+)*(?:${DONE})\\b`, 'i'),
  // It is now done.
  new RegExp(`\\b(?:is|are|was|were)\\s+(?:${ADVERBS}\\s+)+(?:${DONE})\\b`, 'i'),
  // Ticket closed. Access granted. The request was approved.
  new RegExp(`${NOT_AFTER}\\b${SUBJECT}\\s+(?:(?:is|are|was|were|got|has been|have been)\\s+)?(?:${ADVERBS}\\s+)*(?:${STATE})\\b`, 'i'),
  // The account was created.
  /\b(?:the\s+)?(?:user\s+|new\s+)?account\s+(?:(?:is|was|has been)\s+)?(?:now\s+)?(?:created|provisioned|set up|enabled)\b/i,
  // "Approved." "Done!" as a whole sentence.
  new RegExp(`(?:^|[.!?]\\s+|\\n)\\s*(?:${STATE}|granted access|access granted|approval granted)\\s*(?:[.!]|$)`, 'i'),
  // Marked as resolved, set to closed.
  new RegExp(`\\b(?:marked|set|flagged|moved|changed|updated|switched)\\s+(?:it\\s+|this\\s+|them\\s+|the\\s+[\\w-]+\\s+)?(?:as|to)\\s+(?:${STATE})\\b`, 'i'),
  // Sent it to the vendor (not "to be sent to", "is sent to" after a condition).
  new RegExp(`(?<!\\b(?:be|is|are|being|not|never|before|until|once|when|if)\\s)\\b(?:sent|forwarded|e-?mailed|submitted|escalated|shared|posted|uploaded|transferred|routed|re-?assigned)\\s+(?:it\\s+|this\\s+|them\\s+|the\\s+[\\w-]+(?:\\s+[\\w-]+)?\\s+)?to\\s+(?:the\\s+)?(?:vendor|supplier|customer|caller|requester|stakeholders?|team|group|manager|commander|security|\\S+@\\S+|https?:)`, 'i'),
  // Failover happened.
  /\bfail-?over\s+(?:was\s+|has\s+been\s+)?(?:completed|done|executed|performed|triggered|initiated)\b/i,
  // French.
  /(?<![\p{L}\p{N}])(?:j['’]ai|nous avons|l['’]ia a|a été|ont été|est|sont)\s+(?:(?:bien|déjà|maintenant)\s+)?(?:fermée?s?|clôturée?s?|clos(?:e|es)?|résolue?s?|approuvée?s?|validée?s?|accordée?s?|octroyée?s?|envoyée?s?|transmise?s?|escaladée?s?|exécutée?s?|attribuée?s?|créée?s?|supprimée?s?|réassignée?s?)(?![\p{L}\p{N}])/iu,
  // German (participle at the end of the clause).
  /(?<![\p{L}\p{N}])(?:ich habe|wir haben|habe ich|haben wir|wurde|wurden|ist|sind)\s+(?:[\p{L}\p{N}-]+\s+){0,4}?(?:geschlossen|gelöst|genehmigt|freigegeben|erteilt|gewährt|gesendet|gesandt|verschickt|versendet|eskaliert|ausgeführt|weitergeleitet|zugewiesen|erstellt|gelöscht|abgeschlossen|erledigt)(?![\p{L}\p{N}])/iu,
  // Spanish.
  /(?<![\p{L}\p{N}])(?:he|hemos|ha sido|han sido|fue|fueron|está|están|ya)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:cerrad[oa]s?|resuelt[oa]s?|aprobad[oa]s?|concedid[oa]s?|otorgad[oa]s?|enviad[oa]s?|escalad[oa]s?|ejecutad[oa]s?|reasignad[oa]s?|cread[oa]s?|eliminad[oa]s?)(?![\p{L}\p{N}])/iu,
  // Portuguese.
  /(?<![\p{L}\p{N}])(?:fechei|aprovei|concedi|enviei|executei|resolvi|escalei|foi|foram|está|estão)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:fechad[oa]s?|resolvid[oa]s?|aprovad[oa]s?|concedid[oa]s?|enviad[oa]s?|executad[oa]s?|escalad[oa]s?)(?![\p{L}\p{N}])/iu,
  // Italian.
  /(?<![\p{L}\p{N}])(?:ho|abbiamo|è stat[oa]|sono stat[ie])\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:chius[oa]|risolt[oa]|approvat[oa]|concess[oa]|inviat[oa]|eseguit[oa]|escalat[oa]|assegnat[oa])(?![\p{L}\p{N}])/iu,
];

/** The first phrase that claims an action, or null; remembered for recent texts (a pure function: the built-in provider checks its own words, then the guard checks them again, for each of a ticket's hand-offs). */
export const findActionClaim = memoByText(firstActionClaim);

function firstActionClaim(text: string): string | null {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (match !== null && match[0].trim() !== '') return match[0].trim();
  }
  return null;
}
