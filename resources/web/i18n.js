// LAN Chat page strings. English is the fallback; German and French follow the browser language.
// Placeholders are written {name}; plural forms are objects keyed by Intl.PluralRules categories.
'use strict';

(() => {
  const NBSP = '\u00a0'; // French puts a no-break space before ; : ! ?

  const strings = {
    en: {
      appName: 'LAN Chat',
      connecting: 'Connecting…',
      connected: 'Connected',
      reconnecting: 'Reconnecting…',
      retryIn: 'Trying again in {n} s.',
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
      messageLabel: 'Message',
      placeholder: 'Write a message…',
      send: 'Send',
      people: { one: '{n} person online', other: '{n} people online' },
      peopleButton: { one: '{n} person online. Show people and settings', other: '{n} people online. Show people and settings' },
      youSuffix: '(you)',
      you: 'You',
      otherRooms: 'Other rooms on this network',
      roomLink: '{room} on {host}',
      roomPeople: { one: '{n} person', other: '{n} people' },
      settings: 'Settings',
      youAre: 'You are',
      changeName: 'Change name',
      sound: 'Sound for new messages',
      chooseName: 'Choose a name',
      renameTitle: 'Change your name',
      nameIntro: 'This is how others in the room will see you.',
      nameLabel: 'Your name',
      join: 'Join',
      save: 'Save',
      cancel: 'Cancel',
      joinedYou: 'You joined as {name}.',
      joined: '{name} joined.',
      left: '{name} left.',
      leftLost: '{name} lost the connection.',
      leftDropped: '{name} was disconnected.',
      renamed: '{from} is now {to}.',
      renamedYou: 'You are now {to}.',
      roomRestarted: 'The host restarted the room.',
      historyTruncated: 'Some messages from while you were away are no longer available.',
      sending: 'Sending…',
      waiting: 'Waiting for the connection',
      notSent: 'Not sent: {reason}',
      sendAgain: 'Send again',
      discard: 'Discard',
      err_bad_message: 'The room did not understand a message from this page.',
      err_unknown_type: 'The room’s app does not know a request from this page.',
      err_bad_name: 'A name needs 1 to 32 characters and no control characters.',
      err_already_joined: 'You are already in the room.',
      err_not_joined: 'Join the room first.',
      err_empty: 'Empty messages are not sent.',
      err_too_long: 'The message is too long (at most {max} characters).',
      err_rate_limited: 'You are sending too fast; this message was not delivered.',
      err_other: 'The room reported an error: {text}',
      fromLabel: '{name}:',
    },
    de: {
      appName: 'LAN Chat',
      connecting: 'Verbinden …',
      connected: 'Verbunden',
      reconnecting: 'Neu verbinden …',
      retryIn: 'Neuer Versuch in {n} s.',
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
      messageLabel: 'Nachricht',
      placeholder: 'Nachricht schreiben …',
      send: 'Senden',
      people: { one: '{n} Person online', other: '{n} Personen online' },
      peopleButton: { one: '{n} Person online. Personen und Einstellungen anzeigen', other: '{n} Personen online. Personen und Einstellungen anzeigen' },
      youSuffix: '(du)',
      you: 'Du',
      otherRooms: 'Weitere Räume in diesem Netzwerk',
      roomLink: '{room} auf {host}',
      roomPeople: { one: '{n} Person', other: '{n} Personen' },
      settings: 'Einstellungen',
      youAre: 'Du bist',
      changeName: 'Namen ändern',
      sound: 'Ton bei neuen Nachrichten',
      chooseName: 'Wähle einen Namen',
      renameTitle: 'Namen ändern',
      nameIntro: 'So sehen dich die anderen im Raum.',
      nameLabel: 'Dein Name',
      join: 'Beitreten',
      save: 'Speichern',
      cancel: 'Abbrechen',
      joinedYou: 'Du bist als {name} beigetreten.',
      joined: '{name} ist dazugekommen.',
      left: '{name} ist gegangen.',
      leftLost: '{name} hat die Verbindung verloren.',
      leftDropped: '{name} wurde getrennt.',
      renamed: '{from} heißt jetzt {to}.',
      renamedYou: 'Du heißt jetzt {to}.',
      roomRestarted: 'Der Host hat den Raum neu gestartet.',
      historyTruncated: 'Einige Nachrichten aus deiner Abwesenheit sind nicht mehr verfügbar.',
      sending: 'Wird gesendet …',
      waiting: 'Wartet auf die Verbindung',
      notSent: 'Nicht gesendet: {reason}',
      sendAgain: 'Erneut senden',
      discard: 'Verwerfen',
      err_bad_message: 'Der Raum hat eine Nachricht dieser Seite nicht verstanden.',
      err_unknown_type: 'Die App des Raums kennt eine Anfrage dieser Seite nicht.',
      err_bad_name: 'Ein Name braucht 1 bis 32 Zeichen und keine Steuerzeichen.',
      err_already_joined: 'Du bist schon im Raum.',
      err_not_joined: 'Tritt zuerst dem Raum bei.',
      err_empty: 'Leere Nachrichten werden nicht gesendet.',
      err_too_long: 'Die Nachricht ist zu lang (höchstens {max} Zeichen).',
      err_rate_limited: 'Du sendest zu schnell; diese Nachricht wurde nicht zugestellt.',
      err_other: 'Der Raum meldet einen Fehler: {text}',
      fromLabel: '{name}:',
    },
    fr: {
      appName: 'LAN Chat',
      connecting: 'Connexion…',
      connected: 'Connecté',
      reconnecting: 'Reconnexion…',
      retryIn: 'Nouvel essai dans {n}' + NBSP + 's.',
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
      messageLabel: 'Message',
      placeholder: 'Écrire un message…',
      send: 'Envoyer',
      people: { one: '{n} personne en ligne', other: '{n} personnes en ligne' },
      peopleButton: { one: '{n} personne en ligne. Afficher les participants et les réglages', other: '{n} personnes en ligne. Afficher les participants et les réglages' },
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
      joinedYou: 'Vous avez rejoint le salon sous le nom {name}.',
      joined: '{name} a rejoint le salon.',
      left: '{name} a quitté le salon.',
      leftLost: '{name} a perdu la connexion.',
      leftDropped: '{name} a été déconnecté.',
      renamed: '{from} s’appelle maintenant {to}.',
      renamedYou: 'Vous vous appelez maintenant {to}.',
      roomRestarted: 'L’hôte a redémarré le salon.',
      historyTruncated: 'Certains messages reçus pendant votre absence ne sont plus disponibles.',
      sending: 'Envoi…',
      waiting: 'En attente de connexion',
      notSent: 'Non envoyé' + NBSP + ': {reason}',
      sendAgain: 'Renvoyer',
      discard: 'Supprimer',
      err_bad_message: 'Le salon n’a pas compris un message de cette page.',
      err_unknown_type: 'L’application du salon ne connaît pas une requête de cette page.',
      err_bad_name: 'Un nom doit compter de 1 à 32 caractères, sans caractères de contrôle.',
      err_already_joined: 'Vous êtes déjà dans le salon.',
      err_not_joined: 'Rejoignez d’abord le salon.',
      err_empty: 'Les messages vides ne sont pas envoyés.',
      err_too_long: 'Le message est trop long ({max} caractères au maximum).',
      err_rate_limited: 'Vous envoyez trop vite' + NBSP + '; ce message n’a pas été remis.',
      err_other: 'Le salon signale une erreur' + NBSP + ': {text}',
      fromLabel: '{name}' + NBSP + ':',
    },
  };

  function pickLanguage() {
    const wanted = (navigator.languages && navigator.languages.length)
      ? navigator.languages : [navigator.language || 'en'];
    for (const tag of wanted) {
      const primary = String(tag).toLowerCase().split('-')[0];
      if (Object.prototype.hasOwnProperty.call(strings, primary)) return primary;
    }
    return 'en';
  }

  const lang = pickLanguage();
  const table = strings[lang];
  const pluralRules = new Intl.PluralRules(lang);

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, (whole, key) =>
      (params && Object.prototype.hasOwnProperty.call(params, key)) ? String(params[key]) : whole);
  }

  // t('joined', {name}) or, for plural entries, t('people', {n: 3}).
  function t(key, params) {
    let entry = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : strings.en[key];
    if (entry === undefined) return key;
    if (typeof entry === 'object') {
      const n = params && typeof params.n === 'number' ? params.n : 0;
      entry = entry[pluralRules.select(n)] || entry.other;
    }
    return fill(entry, params);
  }

  // Fills elements marked data-i18n (text), data-i18n-placeholder and data-i18n-label (aria-label).
  function apply(root) {
    document.documentElement.lang = lang;
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-placeholder]'))
      el.placeholder = t(el.dataset.i18nPlaceholder);
    for (const el of root.querySelectorAll('[data-i18n-label]'))
      el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  }

  window.LanChatI18n = Object.freeze({ lang, t, apply });
})();
