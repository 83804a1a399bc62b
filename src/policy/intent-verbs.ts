/**
 * The verbs that ask AI to act rather than to prepare: the seed's "approve,
 * execute, publish, or change service state" and the write-back guardrail's
 * "close tickets, mark approvals complete", with sending, granting, routing and
 * failover from its illustrative blocked actions. English, German, French and
 * Spanish, spelled as normalize-text.ts leaves them (lower case, no accents).
 *
 * Imperative English, French and Spanish verbs count at the start of a clause
 * (after fillers such as "please" and request frames such as "can you"): that
 * is where a command stands, and it keeps "summarise why the approval is
 * pending" or "list what was sent" from matching. German puts the infinitive
 * last ("bitte das Ticket schließen"), so German verb forms count anywhere.
 */

export const INTENT_CATEGORIES = ['approve', 'execute', 'publish', 'send', 'close', 'grant', 'route', 'failover', 'state'] as const;
export type IntentCategory = (typeof INTENT_CATEGORIES)[number];

/** How a finding reads in the reason: "The note asks the AI to <words>". */
export const CATEGORY_WORDS: Readonly<Record<IntentCategory, string>> = {
  approve: 'approve something',
  execute: 'execute an action',
  publish: 'publish something',
  send: 'send something',
  close: 'close or resolve the ticket',
  grant: 'grant access',
  route: 'route or reassign work',
  failover: 'fail over a service',
  state: 'change service or ticket state',
};

export interface VerbSpec {
  readonly category: IntentCategory;
  /** Verb forms, `|`-separated; a form may be two words. */
  readonly forms: string;
  /** When set, one of these words must follow within five words ("run the script", not "run a comparison"). */
  readonly object?: string;
  /** When set, the very next word must be one of these ("email the vendor", not "email from the vendor"). */
  readonly next?: string;
  /** The verb does not count when the next word is one of these ("close to the limit"). */
  readonly notNext?: string;
}

const STATE_WORDS = 'state|status|priority|severity|impact|urgency|assignment|assignee|group|stage|approval|category|estado|prioridad|statut|etat|priorite';
const ACCESS_WORDS = 'access|permission|permissions|rights|privilege|privileges|admin|role|roles|acces|acceso|permisos|droits';
const DONE_WORDS = 'approved|resolved|closed|complete|completed|done|validated|fixed|solved|accepted|approuve|resolu|ferme|termine|aprobado|resuelto|cerrado|completado';
const ACTION_OBJECTS = 'fix|patch|change|script|command|commands|runbook|playbook|remediation|workaround|failover|rollback|upgrade|migration|deployment|restart|reboot|config|configuration';

/** Clause-initial verbs (English, French, Spanish). */
export const CLAUSE_VERBS: readonly VerbSpec[] = [
  { category: 'approve', forms: 'approve|authorize|authorise|sign off|approuve|approuvez|approuver|autorise|autorisez|autoriser|aprueba|apruebe|aprobar|autoriza|autorice|autorizar' },
  { category: 'approve', forms: 'accept|acceptez|accepter|acepta|acepte|aceptar', object: 'request|exception|access|change|risk|it|this|demande|solicitud|excepcion' },
  { category: 'execute', forms: 'execute|deploy|executez|executer|deploie|deployez|deployer|ejecuta|ejecute|ejecutar|despliega|despliegue|desplegar' },
  { category: 'execute', forms: 'run|perform|implement|apply|trigger|launch|carry out|lance|lancez|lancer|applique|appliquez|appliquer|aplica|aplique|aplicar|lanza|lanzar', object: ACTION_OBJECTS },
  { category: 'publish', forms: 'publish|broadcast|announce|publie|publiez|publier|diffuse|diffusez|diffuser|publica|publique|publicar|difunde|difunda|difundir' },
  { category: 'publish', forms: 'post', next: 'it|this|that|the|to|on' },
  { category: 'send', forms: 'send|forward|notify|reply|transmit|envoie|envoyez|envoyer|transmets|transmettez|transmettre|envia|envie|enviar|manda|mande|mandar|reenvia|reenvie|reenviar' },
  { category: 'send', forms: 'email|e mail|mail|message|ping|contact|text', next: 'the|them|him|her|it|this|vendor|customer|caller|user|requester|stakeholders|everyone|team|manager|back|out|all' },
  { category: 'close', forms: 'close|resolve|cancel|ferme|fermez|fermer|cloture|cloturez|cloturer|resous|resolvez|resoudre|cierra|cierre|cerrar|resuelve|resuelva|resolver|cancela|cancele|cancelar', notNext: 'to|by|attention|call|look|enough|up|reading' },
  { category: 'grant', forms: 'grant|provision|accorde|accordez|accorder|octroie|octroyez|octroyer|concede|conceda|conceder|otorga|otorgue|otorgar' },
  { category: 'grant', forms: 'give|add|enable|unlock|donne|donnez|ajoute|ajoutez|dale|anade|anada', object: ACCESS_WORDS },
  { category: 'grant', forms: 'create|set up|setup|cree|creez|creer|crea|cree|crear', object: 'account|accounts|user|login|mailbox|compte|cuenta|usuario|utilisateur' },
  { category: 'route', forms: 'route|reroute|reassign|redirect|transfer|escalate|dispatch|routez|router|reaffecte|reaffectez|reassigne|reassignez|reassigner|transfere|transferez|transferer|escalade|escaladez|escalader|enruta|enrutar|reasigna|reasigne|reasignar|redirige|redirigir|transfiere|transferir|escalar' },
  { category: 'route', forms: 'assign|assigne|assignez|asigna|asigne|asignar', object: 'to|group|team|al|equipo|groupe|equipe' },
  { category: 'failover', forms: 'fail over|failover|switch over|switchover|cut over|cutover|fail back|failback|bascule|basculez|basculer|conmuta|conmute|conmutar' },
  { category: 'state', forms: 'restart|reboot|shut down|shutdown|power off|power cycle|disable|deactivate|suspend|revoke|reopen|roll back|redemarre|redemarrez|redemarrer|desactive|desactivez|desactiver|revoque|revoquez|reinicia|reinicie|reiniciar|deten|detener|desactiva|desactivar|revoca|revocar' },
  { category: 'state', forms: 'rollback', next: 'the|it|this|that' },
  { category: 'state', forms: 'change|set|update|modify|edit|alter|switch|move|bump|raise|lower|downgrade|cambia|cambie|cambiar|modifica|modifique|modificar|actualiza|actualice|changez|changer|modifie|modifiez|modifier|mets|mettez|mettre|passe|passez', object: STATE_WORDS },
  { category: 'state', forms: 'mark|flag|tick|check off|marque|marquez|marca', object: DONE_WORDS },
  { category: 'state', forms: 'delete|remove|purge|wipe|supprime|supprimez|supprimer|elimina|elimine|eliminar|borra|borre|borrar', object: `account|user|record|ticket|incident|request|exception|mfa|data|compte|cuenta|${ACCESS_WORDS}` },
  { category: 'state', forms: 'reset|reinitialise|reinitialisez|restablece|restablezca', object: 'password|mfa|token|account|credentials|pin|mot|contrasena' },
];

/** German verb forms that count anywhere in a clause (infinitives and imperatives). */
export const GERMAN_VERBS: Readonly<Record<IntentCategory, string>> = {
  approve: 'genehmigen|genehmige|bewilligen|bewillige|freigeben|zustimmen',
  execute: 'ausfuhren|durchfuhren|ausrollen|deployen',
  publish: 'veroffentlichen|veroffentliche|publizieren|posten',
  send: 'senden|sende|schicken|schicke|verschicken|verschicke|versenden|versende|mailen|benachrichtigen|benachrichtige',
  close: 'schliessen|schliesse|abschliessen|beenden|beende|stornieren|storniere',
  grant: 'gewahren|gewahre|erteilen|erteile|vergeben|vergib|berechtigen|berechtige',
  route: 'weiterleiten|umleiten|zuweisen|eskalieren|eskaliere|umrouten',
  failover: 'umschalten',
  state: 'neustarten|deaktivieren|deaktiviere|loschen|losche|zurucksetzen',
};

/** German separable verbs: the first word, then the particle later in the clause ("gib den Zugang frei"). */
export const GERMAN_SEPARABLE: readonly (readonly [IntentCategory, string, string])[] = [
  ['approve', 'gib', 'frei'],
  ['execute', 'fuhre', 'aus'],
  ['execute', 'fuhr', 'aus'],
  ['route', 'leite', 'weiter'],
  ['route', 'leite', 'um'],
  ['route', 'weise', 'zu'],
  ['failover', 'schalte', 'um'],
  ['state', 'starte', 'neu'],
  ['state', 'setze', 'zuruck'],
  ['state', 'andere', 'status'],
  ['state', 'andern', 'status'],
];

/** Words skipped before a clause's verb: politeness, sequencing, addressing the AI. */
export const LEAD_WORDS =
  'please|pls|plz|kindly|just|now|then|also|and|immediately|hey|ok|okay|ai|so|auto|automatically|bitte|jetzt|sofort|dann|und|auch|por favor|ahora|luego|tambien|y|svp|s il vous plait|maintenant|puis|ensuite|aussi|et';

/** Request frames before the verb: "can you", "I want you to", "veuillez", "puedes". */
export const FRAMES = [
  '(?:the )?(?:you|ai|assistant|bot|copilot|it) (?:should|must|can|may|will|shall|could|would|need to|needs to|have to|has to|are to|is to|are allowed to|is allowed to)',
  '(?:can|could|would|will) (?:you|the ai|ai)',
  '(?:i|we) (?:want|need|would like|d like|expect|ask) (?:you|the ai|ai) to',
  '(?:want|need) (?:you|the ai|ai) to',
  'go ahead and',
  'make sure (?:to|you)',
  'be sure to',
  'feel free to',
  'remember to',
  'veuillez',
  'merci de',
  'pouvez vous',
  'peux tu',
  'pourriez vous',
  'vous devez',
  'tu dois',
  'il faut',
  'puedes',
  'puede',
  'podrias',
  'podria',
  'debes',
  'tienes que',
  'hay que',
];
