// LAN Chat page strings. English is the fallback; German and French follow the browser language.
// Placeholders are written {name}; plural forms are objects keyed by Intl.PluralRules categories.

import { accessStrings } from './i18n-access.js';

const NBSP = '\u00a0'; // French puts a no-break space before ; : ! ?

const strings = {
  en: {
    appName: 'LAN Chat',
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    retryIn: 'Reconnecting in {n} s…',
    retryNow: 'Retry now',
    unreachable: 'The room is full or unreachable.',
    connectionLost: 'Connection lost.',
    hostEnded: 'The host ended the room.',
    closedTooFast: 'Disconnected: too many messages too fast, or the connection was too slow.',
    closedTooBig: 'Disconnected: a message was too big.',
    closedUnsupported: 'Disconnected: the room did not accept data from this page.',
    closedReplaced: 'This chat is open in another window, so this one was disconnected.',
    chooseNameFirst: 'Choose a name to join.',
    offline: 'You are offline.',
    messages: 'Messages',
    pendingHeading: 'Not sent yet',
    emptyRoom: 'No messages yet. Say hello!',
    newMessages: 'New messages',
    messageLabel: 'Message',
    placeholder: 'Write a message…',
    send: 'Send',
    people: { one: '{n} person in the room', other: '{n} people in the room' },
    peopleButton: { one: '{n} person in the room. Show people and settings', other: '{n} people in the room. Show people and settings' },
    youSuffix: '(you)',
    you: 'You',
    otherRooms: 'Other rooms on this network',
    roomLink: '{room} on {host}',
    roomPeople: { one: '{n} person', other: '{n} people' },
    settings: 'Settings',
    youAre: 'You are',
    changeName: 'Rename yourself',
    sound: 'Sound for new messages',
    chooseName: 'Choose a name',
    renameTitle: 'Rename yourself',
    nameIntro: 'This is how others in the room will see you.',
    nameLabel: 'Your name',
    join: 'Join',
    save: 'Save',
    cancel: 'Cancel',
    joinedYou: 'You joined {room} as {name}.',
    joined: '{name} joined',
    left: '{name} left',
    leftLost: '{name} lost the connection',
    leftTimeout: '{name} timed out',
    leftDropped: '{name} was disconnected by the room',
    leftShutdown: '{name} left: the room ended',
    renamed: '{from} is now {to}',
    renamedYou: 'You are now {to}',
    roomRestarted: 'The host restarted the room.',
    historyTruncated: 'Some messages were sent while you were away and are no longer available.',
    sending: 'Sending…',
    waiting: 'Waiting for the connection',
    notSent: 'Not delivered: {reason}',
    reason_rate_limited: 'you are sending too fast',
    reason_too_long: 'too long',
    reason_empty: 'empty',
    sendAgain: 'Send again',
    discard: 'Discard',
    err_bad_message: 'The room did not understand a message from this page.',
    err_unknown_type: 'The room’s app does not know a request from this page.',
    err_bad_name: 'A name needs 1 to 32 characters and no control characters.',
    err_already_joined: 'You are already in the room.',
    err_not_joined: 'Join the room first.',
    err_empty: 'Empty messages are not sent.',
    err_too_long: 'The message is too long (at most {max} characters).',
    err_rate_limited: 'You are sending messages too fast; wait a moment.',
    err_other: 'The room reported an error: {text}',
    peopleOffline: 'Not connected: who is in the room is not known',
    peopleButtonOffline: 'Not connected. Show people and settings',
    roomEnded: 'The room has ended',
    joinRoom: 'Join {room}',
    roomHas: { one: '{n} person is in the room.', other: '{n} people are in the room.' },
    roomEmptyNow: 'Nobody is in the room yet.',
    search: 'Search',
    searchLabel: 'Search this room',
    searchPlaceholder: 'Search messages…',
    closeSearch: 'Close search',
    searching: 'Searching…',
    searchHits: { one: '{n} message found', other: '{n} messages found' },
    searchMoreHits: { one: 'At least {n} message found', other: 'At least {n} messages found' },
    searchNone: 'No messages found.',
    searchOlder: 'Search older messages',
    searchUnavailable: 'This room cannot search its messages.',
    loadingOlder: 'Loading older messages…',
    roomStart: 'This is the start of the room.',
    olderUnavailable: 'Older messages are not available in this room.',
    backToNewest: 'Back to the newest',
    fromLabel: '{name}:',
  },
  de: {
    appName: 'LAN Chat',
    connecting: 'Verbinden …',
    connected: 'Verbunden',
    reconnecting: 'Neu verbinden …',
    retryIn: 'Neuer Verbindungsversuch in {n} s …',
    retryNow: 'Jetzt versuchen',
    unreachable: 'Der Raum ist voll oder nicht erreichbar.',
    connectionLost: 'Verbindung unterbrochen.',
    hostEnded: 'Der Host hat den Raum geschlossen.',
    closedTooFast: 'Getrennt: zu viele Nachrichten in kurzer Zeit, oder die Verbindung war zu langsam.',
    closedTooBig: 'Getrennt: Eine Nachricht war zu groß.',
    closedUnsupported: 'Getrennt: Der Raum hat Daten dieser Seite nicht angenommen.',
    closedReplaced: 'Dieser Chat ist in einem anderen Fenster geöffnet, deshalb wurde dieses getrennt.',
    chooseNameFirst: 'Wähle einen Namen, um beizutreten.',
    offline: 'Du bist offline.',
    messages: 'Nachrichten',
    pendingHeading: 'Noch nicht gesendet',
    emptyRoom: 'Noch keine Nachrichten. Sag Hallo!',
    newMessages: 'Neue Nachrichten',
    messageLabel: 'Nachricht',
    placeholder: 'Nachricht schreiben …',
    send: 'Senden',
    people: { one: '{n} Person im Raum', other: '{n} Personen im Raum' },
    peopleButton: { one: '{n} Person im Raum. Personen und Einstellungen anzeigen', other: '{n} Personen im Raum. Personen und Einstellungen anzeigen' },
    youSuffix: '(du)',
    you: 'Du',
    otherRooms: 'Weitere Räume in diesem Netzwerk',
    roomLink: '{room} auf {host}',
    roomPeople: { one: '{n} Person', other: '{n} Personen' },
    settings: 'Einstellungen',
    youAre: 'Du bist',
    changeName: 'Umbenennen',
    sound: 'Ton bei neuen Nachrichten',
    chooseName: 'Wähle einen Namen',
    renameTitle: 'Umbenennen',
    nameIntro: 'So sehen dich die anderen im Raum.',
    nameLabel: 'Dein Name',
    join: 'Beitreten',
    save: 'Speichern',
    cancel: 'Abbrechen',
    joinedYou: 'Du bist {room} als {name} beigetreten.',
    joined: '{name} ist dazugekommen',
    left: '{name} ist gegangen',
    leftLost: '{name} hat die Verbindung verloren',
    leftTimeout: '{name} antwortet nicht mehr',
    leftDropped: '{name} wurde vom Raum getrennt',
    leftShutdown: '{name} ist gegangen: Der Raum wurde geschlossen',
    renamed: '{from} heißt jetzt {to}',
    renamedYou: 'Du heißt jetzt {to}',
    roomRestarted: 'Der Host hat den Raum neu gestartet.',
    historyTruncated: 'Einige Nachrichten aus deiner Abwesenheit sind nicht mehr verfügbar.',
    sending: 'Wird gesendet …',
    waiting: 'Wartet auf die Verbindung',
    notSent: 'Nicht zugestellt: {reason}',
    reason_rate_limited: 'du sendest zu schnell',
    reason_too_long: 'zu lang',
    reason_empty: 'leer',
    sendAgain: 'Erneut senden',
    discard: 'Verwerfen',
    err_bad_message: 'Der Raum hat eine Nachricht dieser Seite nicht verstanden.',
    err_unknown_type: 'Die App des Raums kennt eine Anfrage dieser Seite nicht.',
    err_bad_name: 'Ein Name braucht 1 bis 32 Zeichen und keine Steuerzeichen.',
    err_already_joined: 'Du bist schon im Raum.',
    err_not_joined: 'Tritt zuerst dem Raum bei.',
    err_empty: 'Leere Nachrichten werden nicht gesendet.',
    err_too_long: 'Die Nachricht ist zu lang (höchstens {max} Zeichen).',
    err_rate_limited: 'Du sendest Nachrichten zu schnell; warte einen Moment.',
    err_other: 'Der Raum meldet einen Fehler: {text}',
    peopleOffline: 'Nicht verbunden: Wer im Raum ist, ist nicht bekannt',
    peopleButtonOffline: 'Nicht verbunden. Personen und Einstellungen anzeigen',
    roomEnded: 'Der Raum wurde geschlossen',
    joinRoom: '{room} beitreten',
    roomHas: { one: '{n} Person ist im Raum.', other: '{n} Personen sind im Raum.' },
    roomEmptyNow: 'Noch niemand ist im Raum.',
    search: 'Suchen',
    searchLabel: 'In diesem Raum suchen',
    searchPlaceholder: 'Nachrichten suchen …',
    closeSearch: 'Suche schließen',
    searching: 'Suche läuft …',
    searchHits: { one: '{n} Nachricht gefunden', other: '{n} Nachrichten gefunden' },
    searchMoreHits: { one: 'Mindestens {n} Nachricht gefunden', other: 'Mindestens {n} Nachrichten gefunden' },
    searchNone: 'Keine Nachrichten gefunden.',
    searchOlder: 'Ältere Nachrichten durchsuchen',
    searchUnavailable: 'Dieser Raum kann seine Nachrichten nicht durchsuchen.',
    loadingOlder: 'Ältere Nachrichten werden geladen …',
    roomStart: 'Hier beginnt der Raum.',
    olderUnavailable: 'Ältere Nachrichten sind in diesem Raum nicht verfügbar.',
    backToNewest: 'Zu den neuesten',
    fromLabel: '{name}:',
  },
  fr: {
    appName: 'LAN Chat',
    connecting: 'Connexion…',
    connected: 'Connecté',
    reconnecting: 'Reconnexion…',
    retryIn: 'Reconnexion dans {n}' + NBSP + 's…',
    retryNow: 'Réessayer',
    unreachable: 'Le salon est complet ou injoignable.',
    connectionLost: 'Connexion perdue.',
    hostEnded: 'L’hôte a fermé le salon.',
    closedTooFast: 'Déconnecté' + NBSP + ': trop de messages en peu de temps, ou connexion trop lente.',
    closedTooBig: 'Déconnecté' + NBSP + ': un message était trop volumineux.',
    closedUnsupported: 'Déconnecté' + NBSP + ': le salon n’a pas accepté les données de cette page.',
    closedReplaced: 'Ce chat est ouvert dans une autre fenêtre, celle-ci a donc été déconnectée.',
    chooseNameFirst: 'Choisissez un nom pour rejoindre le salon.',
    offline: 'Vous êtes hors ligne.',
    messages: 'Messages',
    pendingHeading: 'Pas encore envoyés',
    emptyRoom: 'Aucun message pour l’instant. Dites bonjour' + NBSP + '!',
    newMessages: 'Nouveaux messages',
    messageLabel: 'Message',
    placeholder: 'Écrire un message…',
    send: 'Envoyer',
    people: { one: '{n} personne dans le salon', other: '{n} personnes dans le salon' },
    peopleButton: { one: '{n} personne dans le salon. Afficher les participants et les réglages', other: '{n} personnes dans le salon. Afficher les participants et les réglages' },
    youSuffix: '(vous)',
    you: 'Vous',
    otherRooms: 'Autres salons sur ce réseau',
    roomLink: '{room} sur {host}',
    roomPeople: { one: '{n} personne', other: '{n} personnes' },
    settings: 'Réglages',
    youAre: 'Vous êtes',
    changeName: 'Changer de nom',
    sound: 'Son pour les nouveaux messages',
    chooseName: 'Choisissez un nom',
    renameTitle: 'Changer de nom',
    nameIntro: 'C’est ainsi que les autres vous verront dans le salon.',
    nameLabel: 'Votre nom',
    join: 'Rejoindre',
    save: 'Enregistrer',
    cancel: 'Annuler',
    joinedYou: 'Vous avez rejoint {room} sous le nom {name}.',
    joined: '{name} a rejoint le salon',
    left: '{name} a quitté le salon',
    leftLost: '{name} a perdu la connexion',
    leftTimeout: '{name} ne répond plus',
    leftDropped: 'Le salon a déconnecté {name}',
    leftShutdown: '{name} a quitté le salon, qui a été fermé',
    renamed: '{from} s’appelle maintenant {to}',
    renamedYou: 'Vous vous appelez maintenant {to}',
    roomRestarted: 'L’hôte a redémarré le salon.',
    historyTruncated: 'Certains messages envoyés pendant votre absence ne sont plus disponibles.',
    sending: 'Envoi…',
    waiting: 'En attente de connexion',
    notSent: 'Non remis' + NBSP + ': {reason}',
    reason_rate_limited: 'vous envoyez trop vite',
    reason_too_long: 'trop long',
    reason_empty: 'vide',
    sendAgain: 'Renvoyer',
    discard: 'Supprimer',
    err_bad_message: 'Le salon n’a pas compris un message de cette page.',
    err_unknown_type: 'L’application du salon ne connaît pas une requête de cette page.',
    err_bad_name: 'Un nom doit compter de 1 à 32 caractères, sans caractères de contrôle.',
    err_already_joined: 'Vous êtes déjà dans le salon.',
    err_not_joined: 'Rejoignez d’abord le salon.',
    err_empty: 'Les messages vides ne sont pas envoyés.',
    err_too_long: 'Le message est trop long ({max} caractères au maximum).',
    err_rate_limited: 'Vous envoyez des messages trop vite' + NBSP + '; patientez un instant.',
    err_other: 'Le salon signale une erreur' + NBSP + ': {text}',
    peopleOffline: 'Non connecté' + NBSP + ': on ne sait pas qui est dans le salon',
    peopleButtonOffline: 'Non connecté. Afficher les participants et les réglages',
    roomEnded: 'Le salon a été fermé',
    joinRoom: 'Rejoindre {room}',
    roomHas: { one: '{n} personne est dans le salon.', other: '{n} personnes sont dans le salon.' },
    roomEmptyNow: 'Personne n’est encore dans le salon.',
    search: 'Rechercher',
    searchLabel: 'Rechercher dans ce salon',
    searchPlaceholder: 'Rechercher des messages…',
    closeSearch: 'Fermer la recherche',
    searching: 'Recherche…',
    searchHits: { one: '{n} message trouvé', other: '{n} messages trouvés' },
    searchMoreHits: { one: 'Au moins {n} message trouvé', other: 'Au moins {n} messages trouvés' },
    searchNone: 'Aucun message trouvé.',
    searchOlder: 'Rechercher dans les messages plus anciens',
    searchUnavailable: 'Ce salon ne peut pas rechercher ses messages.',
    loadingOlder: 'Chargement des messages plus anciens…',
    roomStart: 'C’est le début du salon.',
    olderUnavailable: 'Les messages plus anciens ne sont pas disponibles dans ce salon.',
    backToNewest: 'Revenir aux plus récents',
    fromLabel: '{name}' + NBSP + ':',
  },
};

for (const code of Object.keys(strings)) Object.assign(strings[code], accessStrings[code]);

function pickLanguage() {
  const wanted = (navigator.languages && navigator.languages.length)
    ? navigator.languages : [navigator.language || 'en'];
  for (const tag of wanted) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (Object.prototype.hasOwnProperty.call(strings, primary)) return primary;
  }
  return 'en';
}

export const lang = pickLanguage();
const table = strings[lang];
const pluralRules = new Intl.PluralRules(lang);

function fill(template, params) {
  return template.replace(/\{(\w+)\}/g, (whole, key) =>
    (params && Object.prototype.hasOwnProperty.call(params, key)) ? String(params[key]) : whole);
}

// t('joined', {name}) or, for plural entries, t('people', {n: 3}).
export function t(key, params) {
  let entry = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : strings.en[key];
  if (entry === undefined) return key;
  if (typeof entry === 'object') {
    const n = params && typeof params.n === 'number' ? params.n : 0;
    entry = entry[pluralRules.select(n)] || entry.other;
  }
  return fill(entry, params);
}

// Fills elements marked data-i18n (text), data-i18n-placeholder and data-i18n-label (aria-label).
export function apply(root) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]'))
    el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-label]'))
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

// t() as nodes: each parameter in its own <bdi>, so a name written right to left (or holding
// bidi controls) cannot reorder the words around it.
export function tNodes(key, params) {
  const fragment = document.createDocumentFragment();
  // Numbers (plural counts) are filled in as they are; the rest stays a placeholder for now.
  const placeholders = Object.fromEntries(Object.entries(params || {}).map(
    ([k, v]) => [k, typeof v === 'number' ? v : `{${k}}`]));
  const template = t(key, placeholders);
  let from = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    if (!params || !Object.prototype.hasOwnProperty.call(params, match[1])) continue;
    if (match.index > from) fragment.append(template.slice(from, match.index));
    const isolated = document.createElement('bdi');
    isolated.textContent = String(params[match[1]]);
    fragment.append(isolated);
    from = match.index + match[0].length;
  }
  if (from < template.length) fragment.append(template.slice(from));
  return fragment;
}
