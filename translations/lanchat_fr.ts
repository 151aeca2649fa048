<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <source>not delivered: %1</source>
        <translation>non remis : %1</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>%1 lost the connection</source>
        <translation>%1 a perdu la connexion</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 ne répond plus</translation>
    </message>
    <message>
        <source>%1 was disconnected by the room</source>
        <translation>%1 a été déconnecté par le salon</translation>
    </message>
    <message>
        <source>%1 left: the room ended</source>
        <translation>%1 est parti : le salon est fermé</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 est parti</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>trop long</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>you are sending too fast</source>
        <translation>vous envoyez trop vite</translation>
    </message>
    <message>
        <source>the room ended</source>
        <translation>le salon est fermé</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>&amp;Join Another Room…</source>
        <translation>&amp;Rejoindre un autre salon…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Salon</translation>
    </message>
    <message>
        <source>&amp;Back to My Room</source>
        <translation>Retour à &amp;mon salon</translation>
    </message>
    <message>
        <source>&amp;Host a Room</source>
        <translation>&amp;Ouvrir un salon</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting…</source>
        <translation>&amp;Fermer le salon…</translation>
    </message>
    <message>
        <source>&amp;Rename Yourself</source>
        <translation>&amp;Changer de nom</translation>
    </message>
    <message>
        <source>&amp;Write a Message</source>
        <translation>É&amp;crire un message</translation>
    </message>
    <message>
        <source>&amp;Mute Notifications</source>
        <translation>Couper les &amp;notifications</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About LAN Chat</source>
        <translation>À &amp;propos de LAN Chat</translation>
    </message>
    <message>
        <source>About LAN Chat</source>
        <translation>À propos de LAN Chat</translation>
    </message>
    <message>
        <source>LAN Chat %1

Chat rooms on the local network: host one, or join one from this window or any browser on the network.</source>
        <translation>LAN Chat %1

Des salons de discussion sur le réseau local : ouvrez-en un, ou rejoignez-en un depuis cette fenêtre ou depuis n’importe quel navigateur du réseau.</translation>
    </message>
    <message>
        <source>You joined %1 as %2.</source>
        <translation>Vous avez rejoint %1 sous le nom %2.</translation>
    </message>
    <message>
        <source>Reconnected.</source>
        <translation>Reconnecté.</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 est arrivé</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 s’appelle maintenant %2</translation>
    </message>
    <message>
        <source>Some messages were sent while you were away and are no longer available.</source>
        <translation>Des messages ont été envoyés pendant votre absence et ne sont plus disponibles.</translation>
    </message>
    <message>
        <source>The host restarted the room.</source>
        <translation>L’hôte a redémarré le salon.</translation>
    </message>
    <message>
        <source>You are sending messages too fast; wait a moment.</source>
        <translation>Vous envoyez des messages trop vite ; patientez un instant.</translation>
    </message>
    <message>
        <source>The room did not accept the name “%1”.</source>
        <translation>Le salon n’a pas accepté le nom « %1 ».</translation>
    </message>
    <message>
        <source>Could not host a room: %1</source>
        <translation>Impossible d’ouvrir un salon : %1</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Reconnexion à %1…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connected — you are hosting this room on port %1</source>
        <translation>Connecté — vous hébergez ce salon sur le port %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost — reconnecting in %n s…</source>
        <translation>
            <numerusform>Connexion perdue — nouvelle tentative dans %n s…</numerusform>
            <numerusform>Connexion perdue — nouvelle tentative dans %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>The host ended the room.</source>
        <translation>L’hôte a fermé le salon.</translation>
    </message>
    <message>
        <source>Starting your room…</source>
        <translation>Ouverture de votre salon…</translation>
    </message>
    <message>
        <source>Not in a room</source>
        <translation>Dans aucun salon</translation>
    </message>
    <message>
        <source>You are not in a room. Join one to send messages.</source>
        <translation>Vous n’êtes dans aucun salon. Rejoignez-en un pour envoyer des messages.</translation>
    </message>
    <message>
        <source>Your message is %1 characters long; this room accepts at most %2. Shorten it to send it.</source>
        <translation>Votre message compte %1 caractères ; ce salon en accepte au plus %2. Raccourcissez-le pour l’envoyer.</translation>
    </message>
    <message>
        <source>LAN Chat</source>
        <translation>LAN Chat</translation>
    </message>
    <message>
        <source>%1 — LAN Chat</source>
        <translation>%1 — LAN Chat</translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation>Connexion perdue. Reconnexion…</translation>
    </message>
    <message>
        <source>End Your Room?</source>
        <translation>Fermer votre salon ?</translation>
    </message>
    <message>
        <source>&amp;End Room and Quit</source>
        <translation>&amp;Fermer le salon et quitter</translation>
    </message>
    <message>
        <source>&amp;End Room</source>
        <translation>&amp;Fermer le salon</translation>
    </message>
    <message>
        <source>Ending the room…</source>
        <translation>Fermeture du salon…</translation>
    </message>
    <message>
        <source>Keep Hosting?</source>
        <translation>Continuer à héberger ?</translation>
    </message>
    <message>
        <source>You are hosting this room. Keep it running in the background while you are in the other room, or end it?</source>
        <translation>Vous hébergez ce salon. Le garder ouvert en arrière-plan pendant que vous êtes dans l’autre salon, ou le fermer ?</translation>
    </message>
    <message>
        <source>&amp;Keep Hosting</source>
        <translation>&amp;Continuer à héberger</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>&amp;Fermer le salon</translation>
    </message>
    <message numerus="yes">
        <source>Others in your room: %n. Ending the room disconnects them.</source>
        <translation>
            <numerusform>Autres personnes dans votre salon : %n. Fermer le salon les déconnectera.</numerusform>
            <numerusform>Autres personnes dans votre salon : %n. Fermer le salon les déconnectera.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>lanchat: --%1 takes a number from %2 to %3, not &quot;%4&quot;</source>
        <translation>lanchat: --%1 attend un nombre de %2 à %3, et non &quot;%4&quot;</translation>
    </message>
    <message>
        <source>Chat rooms on the local network. Started without options, LAN Chat hosts a room and opens its window; anyone on the LAN can join from the app or a browser.</source>
        <translation>Des salons de discussion sur le réseau local. Lancé sans option, LAN Chat ouvre un salon et affiche sa fenêtre ; n’importe qui sur le LAN peut le rejoindre depuis l’application ou un navigateur.</translation>
    </message>
    <message>
        <source>Host a room without a window.</source>
        <translation>Héberger un salon sans fenêtre.</translation>
    </message>
    <message>
        <source>TCP port for the page and the chat (default 8765; 0: any free port).</source>
        <translation>Port TCP de la page et de la discussion (par défaut 8765 ; 0 : n’importe quel port libre).</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Address to listen on (default: all).</source>
        <translation>Adresse d’écoute (par défaut : toutes).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>Name of the hosted room.</source>
        <translation>Nom du salon hébergé.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Your nickname in the window.</source>
        <translation>Votre nom dans la fenêtre.</translation>
    </message>
    <message>
        <source>nick</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>Open the window in another room instead of hosting (ws://HOST:PORT/ws, http://HOST:PORT/ or HOST:PORT).</source>
        <translation>Ouvrir la fenêtre dans un autre salon au lieu d’en héberger un (ws://HOST:PORT/ws, http://HOST:PORT/ ou HOST:PORT).</translation>
    </message>
    <message>
        <source>Most connections at once (default 10000).</source>
        <translation>Nombre maximal de connexions simultanées (par défaut 10000).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Messages per second one client may send, sustained (default 20; 0 turns the limit off).</source>
        <translation>Messages par seconde qu’un client peut envoyer en continu (par défaut 20 ; 0 désactive la limite).</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>débit</translation>
    </message>
    <message>
        <source>Messages one client may send in a burst (default 40).</source>
        <translation>Messages qu’un client peut envoyer en rafale (par défaut 40).</translation>
    </message>
    <message>
        <source>Unsent KiB a client may fall behind before it is dropped (default 4096).</source>
        <translation>KiB en attente d’envoi qu’un client peut accumuler avant d’être déconnecté (par défaut 4096).</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>Chat messages kept for late joiners (default 200).</source>
        <translation>Messages conservés pour les retardataires (par défaut 200).</translation>
    </message>
    <message>
        <source>Seconds between keepalive pings (default 30).</source>
        <translation>Secondes entre deux pings de maintien de connexion (par défaut 30).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Seconds of silence before a client is dropped (default 60).</source>
        <translation>Secondes de silence avant qu’un client soit déconnecté (par défaut 60).</translation>
    </message>
    <message>
        <source>Also accept browser pages from this origin, e.g. http://chat.example:8765 (repeatable).</source>
        <translation>Accepter aussi les pages de navigateur de cette origine, par exemple http://chat.example:8765 (répétable).</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>origine</translation>
    </message>
    <message>
        <source>Do not announce the room on the LAN.</source>
        <translation>Ne pas annoncer le salon sur le LAN.</translation>
    </message>
    <message>
        <source>List the rooms announced on the LAN and exit.</source>
        <translation>Lister les salons annoncés sur le LAN, puis quitter.</translation>
    </message>
    <message>
        <source>With --discover: seconds to listen (default 3).</source>
        <translation>Avec --discover : durée d’écoute en secondes (par défaut 3).</translation>
    </message>
    <message>
        <source>With --headless: print a QR code of the address.</source>
        <translation>Avec --headless : afficher un code QR de l’adresse.</translation>
    </message>
    <message>
        <source>Try &apos;lanchat --help&apos;.</source>
        <translation>Essayez &apos;lanchat --help&apos;.</translation>
    </message>
    <message>
        <source>lanchat: unexpected argument &quot;%1&quot;</source>
        <translation>lanchat: argument inattendu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>lanchat: --headless and --discover do not go together</source>
        <translation>lanchat: --headless et --discover ne peuvent pas être combinés</translation>
    </message>
    <message>
        <source>lanchat: --bind needs an IP address, not &quot;%1&quot;</source>
        <translation>lanchat: --bind attend une adresse IP, et non &quot;%1&quot;</translation>
    </message>
    <message>
        <source>lanchat: the room name must be 1 to 64 characters</source>
        <translation>lanchat: le nom du salon doit compter de 1 à 64 caractères</translation>
    </message>
    <message>
        <source>lanchat: cannot join &quot;%1&quot;: not a room address</source>
        <translation>lanchat: impossible de rejoindre &quot;%1&quot; : ce n’est pas une adresse de salon</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>Cannot listen for rooms on UDP port %1.</source>
        <translation>Impossible d’écouter les salons sur le port UDP %1.</translation>
    </message>
    <message>
        <source>No rooms heard within %1 s.</source>
        <translation>Aucun salon entendu en %1 s.</translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>Guest</source>
        <translation>Invité</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>Open one of these addresses in a browser:</source>
        <translation>Ouvrez l’une de ces adresses dans un navigateur :</translation>
    </message>
    <message>
        <source>Press Ctrl+C to end the room.</source>
        <translation>Appuyez sur Ctrl+C pour fermer le salon.</translation>
    </message>
    <message>
        <source>lanchat: cannot host the room: %1</source>
        <translation>lanchat : impossible d’ouvrir le salon : %1</translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <source>Others can join at</source>
        <translation>Les autres peuvent rejoindre à</translation>
    </message>
    <message>
        <source>No network connection: only this computer can join.</source>
        <translation>Pas de connexion réseau : seul cet ordinateur peut rejoindre.</translation>
    </message>
    <message>
        <source>Join card: scan this code with a phone to join</source>
        <translation>Carte d’accès : scannez ce code avec un téléphone pour rejoindre</translation>
    </message>
    <message>
        <source>No join card yet.</source>
        <translation>Pas encore de carte d’accès.</translation>
    </message>
    <message>
        <source>Reachability</source>
        <translation>Accessibilité réseau</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>Room address %1 (%2)</source>
        <translation>Adresse du salon %1 (%2)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy address %1</source>
        <translation>Copier l’adresse %1</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>Copier %1 dans le presse-papiers</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join a Room</source>
        <translation>Rejoindre un salon</translation>
    </message>
    <message>
        <source>Room &amp;address:</source>
        <translation>&amp;Adresse du salon :</translation>
    </message>
    <message>
        <source>Room address</source>
        <translation>Adresse du salon</translation>
    </message>
    <message>
        <source>192.168.1.20, 192.168.1.20:8765 or http://…</source>
        <translation>192.168.1.20, 192.168.1.20:8765 ou http://…</translation>
    </message>
    <message>
        <source>Rooms on your &amp;network:</source>
        <translation>Salons sur votre &amp;réseau :</translation>
    </message>
    <message>
        <source>Rooms on your network</source>
        <translation>Salons sur votre réseau</translation>
    </message>
    <message>
        <source>No rooms heard on the network yet. Rooms appear here as their hosts announce them.</source>
        <translation>Aucun salon entendu sur le réseau pour l’instant. Les salons apparaissent ici dès que leurs hôtes les annoncent.</translation>
    </message>
    <message>
        <source>&amp;Recent rooms:</source>
        <translation>Salons &amp;récents :</translation>
    </message>
    <message>
        <source>Recent rooms</source>
        <translation>Salons récents</translation>
    </message>
    <message>
        <source>Rooms you join are remembered here.</source>
        <translation>Les salons que vous rejoignez sont mémorisés ici.</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>“%1” is not a room address. Type a computer name or IP address, optionally with :port, or paste the http:// address the host shows.</source>
        <translation>« %1 » n’est pas une adresse de salon. Saisissez un nom d’ordinateur ou une adresse IP, éventuellement avec :port, ou collez l’adresse http:// affichée par l’hôte.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 (people: %n)</source>
        <translation>
            <numerusform>%1 — %2 (personnes : %n)</numerusform>
            <numerusform>%1 — %2 (personnes : %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageInput</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter adds a line)</source>
        <translation>Écrivez un message… (Entrée envoie, Maj+Entrée ajoute une ligne)</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>LAN Chat</source>
        <translation>LAN Chat</translation>
    </message>
    <message>
        <source>LAN Chat — %1</source>
        <translation>LAN Chat — %1</translation>
    </message>
    <message numerus="yes">
        <source>Unread messages: %n</source>
        <translation>
            <numerusform>Message non lu : %n</numerusform>
            <numerusform>Messages non lus : %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>People in the room</source>
        <translation>Personnes dans le salon</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Rename yourself</source>
        <translation>Changer de nom</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <source>&amp;People (%1)</source>
        <translation>&amp;Personnes (%1)</translation>
    </message>
    <message numerus="yes">
        <source>People in the room: %n</source>
        <translation>
            <numerusform>Personnes dans le salon : %n</numerusform>
            <numerusform>Personnes dans le salon : %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reachability</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>pas de réponse en %1 s</translation>
    </message>
    <message>
        <source>Port %1 was busy; the room uses %2 instead. People who were given the old address need the new one.</source>
        <translation>Le port %1 était occupé ; le salon utilise %2 à la place. Les personnes qui ont reçu l’ancienne adresse ont besoin de la nouvelle.</translation>
    </message>
    <message>
        <source>The room listens on %1 only, so only this computer can join. Host on all network interfaces to let others in.</source>
        <translation>Le salon n’écoute que sur %1 : seul cet ordinateur peut le rejoindre. Hébergez-le sur toutes les interfaces réseau pour laisser entrer les autres.</translation>
    </message>
    <message>
        <source>Only this computer can reach the room: there is no network connection besides loopback. Connect to a Wi-Fi or wired network, then host the room again.</source>
        <translation>Seul cet ordinateur peut atteindre le salon : il n’y a pas de connexion réseau en dehors de la boucle locale. Connectez-vous à un réseau Wi-Fi ou filaire, puis ouvrez à nouveau le salon.</translation>
    </message>
    <message>
        <source>This computer is on several networks: %1. People nearby most likely reach the room at %2 (%3); if that fails, give them one of the other addresses.</source>
        <translation>Cet ordinateur est sur plusieurs réseaux : %1. Les personnes à proximité atteignent très probablement le salon à %2 (%3) ; si cela échoue, donnez-leur l’une des autres adresses.</translation>
    </message>
    <message>
        <source>%1 (%2) looks like a VPN or tunnel. A VPN can capture traffic so that people on your network cannot reach you; if nobody can join, allow local network access in the VPN&apos;s settings or pause it.</source>
        <translation>%1 (%2) ressemble à un VPN ou à un tunnel. Un VPN peut capter le trafic de sorte que les personnes de votre réseau ne puissent pas vous joindre ; si personne ne peut rejoindre, autorisez l’accès au réseau local dans les réglages du VPN ou mettez-le en pause.</translation>
    </message>
    <message>
        <source>the answer was not HTTP</source>
        <translation>la réponse n’était pas du HTTP</translation>
    </message>
    <message>
        <source>it answered “%1” instead of the room&apos;s page</source>
        <translation>la réponse a été « %1 » au lieu de la page du salon</translation>
    </message>
    <message>
        <source>the connection closed without an answer</source>
        <translation>la connexion s’est fermée sans réponse</translation>
    </message>
    <message>
        <source>A firewall may be blocking TCP port %1; allow incoming connections on it.</source>
        <translation>Un pare-feu bloque peut-être le port TCP %1 ; autorisez les connexions entrantes sur ce port.</translation>
    </message>
    <message>
        <source>Nothing accepts connections on TCP port %1 there: the room may listen on another address, or a firewall rejects the connections.</source>
        <translation>Rien n’accepte de connexions sur le port TCP %1 à cet endroit : le salon écoute peut-être sur une autre adresse, ou un pare-feu rejette les connexions.</translation>
    </message>
    <message>
        <source>Another program may be answering on that address and port.</source>
        <translation>Un autre programme répond peut-être sur cette adresse et ce port.</translation>
    </message>
    <message>
        <source>Check that this network connection works.</source>
        <translation>Vérifiez que cette connexion réseau fonctionne.</translation>
    </message>
    <message>
        <source>The room&apos;s page did not open through %1: %2. %3</source>
        <extracomment>%1 is an address (and interface), %2 what went wrong, %3 what to do about it</extracomment>
        <translation>La page du salon ne s’est pas ouverte via %1 : %2. %3</translation>
    </message>
</context>
</TS>
