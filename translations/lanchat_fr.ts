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
        <translation>Éc&amp;rire un message</translation>
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
    <message>
        <source>Rename R&amp;oom…</source>
        <translation>Renommer le &amp;salon…</translation>
    </message>
    <message>
        <source>&amp;Find Messages…</source>
        <translation>Rec&amp;hercher dans les messages…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Nobody is hosting at %1 (%2). You are still in %3.</source>
        <translation>Personne n’héberge de salon à %1 (%2). Vous êtes toujours dans %3.</translation>
    </message>
    <message>
        <source>The room is now called %1.</source>
        <translation>Le salon s’appelle maintenant %1.</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>connexion perdue</translation>
    </message>
    <message>
        <source>Rename Room</source>
        <translation>Renommer le salon</translation>
    </message>
    <message>
        <source>Room name:</source>
        <translation>Nom du salon :</translation>
    </message>
    <message>
        <source>Keep the Room Running?</source>
        <translation>Garder le salon ouvert ?</translation>
    </message>
    <message numerus="yes">
        <source>Others in your room: %n. Keep the room running in the tray, or end it and quit?</source>
        <translation>
            <numerusform>Autres personnes dans votre salon : %n. Garder le salon ouvert dans la zone de notification, ou le fermer et quitter ?</numerusform>
            <numerusform>Autres personnes dans votre salon : %n. Garder le salon ouvert dans la zone de notification, ou le fermer et quitter ?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep Running in Tray</source>
        <translation>&amp;Garder dans la zone de notification</translation>
    </message>
    <message>
        <source>&amp;Keep History on This Computer</source>
        <translation>Conser&amp;ver l’historique sur cet ordinateur</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Host a room without a window.</source>
        <translation>Héberger un salon sans fenêtre.</translation>
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
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>débit</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
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
        <source>With --headless: print a QR code of the address.</source>
        <translation>Avec --headless : afficher un code QR de l’adresse.</translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3, not %4</source>
        <translation>--%1 attend un nombre de %2 à %3, et non %4</translation>
    </message>
    <message>
        <source>--headless and --discover do not go together</source>
        <translation>--headless et --discover ne peuvent pas être combinés</translation>
    </message>
    <message>
        <source>TCP port for the page and the chat (default %1; 0: any free port).</source>
        <translation>Port TCP de la page et de la discussion (par défaut : %1 ; 0 : n’importe quel port libre).</translation>
    </message>
    <message>
        <source>--bind needs an IP address, not %1</source>
        <translation>--bind attend une adresse IP, et non %1</translation>
    </message>
    <message>
        <source>Name of the hosted room (default: your name; headless: this computer&apos;s name).</source>
        <translation>Nom du salon hébergé (par défaut : votre nom ; sans fenêtre : le nom de cet ordinateur).</translation>
    </message>
    <message>
        <source>--room takes a name of 1 to 64 characters, not %1</source>
        <translation>--room attend un nom de 1 à 64 caractères, et non %1</translation>
    </message>
    <message>
        <source>--nick takes a name of at most %1 characters, not %2</source>
        <translation>--nick attend un nom d’au plus %1 caractères, et non %2</translation>
    </message>
    <message>
        <source>Host a room at once (by default the window first looks for a room on the LAN to join).</source>
        <translation>Héberger un salon tout de suite (par défaut, la fenêtre cherche d’abord un salon à rejoindre sur le LAN).</translation>
    </message>
    <message>
        <source>--join needs a room address, not %1</source>
        <translation>--join attend une adresse de salon, et non %1</translation>
    </message>
    <message>
        <source>Most connections at once (default %1).</source>
        <translation>Nombre maximal de connexions simultanées (par défaut : %1).</translation>
    </message>
    <message>
        <source>Messages per second one client may send, sustained (default %1; 0 turns the limit off).</source>
        <translation>Messages par seconde qu’un client peut envoyer en continu (par défaut : %1 ; 0 désactive la limite).</translation>
    </message>
    <message>
        <source>Messages one client may send in a burst (default %1).</source>
        <translation>Messages qu’un client peut envoyer en rafale (par défaut : %1).</translation>
    </message>
    <message>
        <source>Unsent KiB a client may fall behind before it is dropped (default %1).</source>
        <translation>KiB en attente d’envoi qu’un client peut accumuler avant d’être déconnecté (par défaut : %1).</translation>
    </message>
    <message>
        <source>Chat messages kept for late joiners (default %1).</source>
        <translation>Messages conservés pour les personnes qui arrivent plus tard (par défaut : %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>dossier</translation>
    </message>
    <message>
        <source>Folder for the rooms&apos; history (default: the app data folder, %1).</source>
        <translation>Dossier de l’historique des salons (par défaut : le dossier de données de l’application, %1).</translation>
    </message>
    <message>
        <source>--data-dir needs a folder, not %1</source>
        <translation>--data-dir attend un dossier, et non %1</translation>
    </message>
    <message>
        <source>Keep nothing on disk: the history ends with the room.</source>
        <translation>Ne rien garder sur le disque : l’historique disparaît avec le salon.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Days the history is kept (default %1; 0: no limit).</source>
        <translation>Nombre de jours de conservation de l’historique (par défaut : %1 ; 0 : sans limite).</translation>
    </message>
    <message>
        <source>Messages the history keeps at most (default %1; 0: no limit).</source>
        <translation>Nombre maximal de messages conservés dans l’historique (par défaut : %1 ; 0 : sans limite).</translation>
    </message>
    <message>
        <source>Seconds between keepalive pings (default %1).</source>
        <translation>Secondes entre deux pings de maintien de connexion (par défaut : %1).</translation>
    </message>
    <message>
        <source>Seconds of silence before a client is dropped (default %1).</source>
        <translation>Secondes de silence avant qu’un client soit déconnecté (par défaut : %1).</translation>
    </message>
    <message>
        <source>--allow-origin needs an origin such as http://chat.example:8765, not %1</source>
        <translation>--allow-origin attend une origine comme http://chat.example:8765, et non %1</translation>
    </message>
    <message>
        <source>Also serve the page under this host name, e.g. chat.example (repeatable; IP addresses, localhost and this machine&apos;s names always work).</source>
        <translation>Servir aussi la page sous ce nom d’hôte, par exemple chat.example (répétable ; les adresses IP, localhost et les noms de cette machine fonctionnent toujours).</translation>
    </message>
    <message>
        <source>--allow-host needs a host name such as chat.example, not %1</source>
        <translation>--allow-host attend un nom d’hôte comme chat.example, et non %1</translation>
    </message>
    <message>
        <source>With --discover: seconds to listen (default %1).</source>
        <translation>Avec --discover : durée d’écoute en secondes (par défaut : %1).</translation>
    </message>
    <message>
        <source>Usage: lanchat [options]</source>
        <translation>Utilisation : lanchat [options]</translation>
    </message>
    <message>
        <source>Chat rooms on the local network. Started without options, LAN Chat opens its window and joins a room it hears on the LAN, or hosts one; anyone on the LAN can join from the app or a browser.</source>
        <translation>Des salons de discussion sur le réseau local. Lancé sans option, LAN Chat ouvre sa fenêtre et rejoint un salon qu’il entend sur le LAN, ou en héberge un ; tout le monde sur le LAN peut rejoindre depuis l’application ou un navigateur.</translation>
    </message>
    <message>
        <source>%1 (see lanchat --help)</source>
        <translation>%1 (voir lanchat --help)</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>argument inattendu %1</translation>
    </message>
    <message>
        <source>--ephemeral and --data-dir do not go together</source>
        <translation>--ephemeral et --data-dir ne peuvent pas être combinés</translation>
    </message>
    <message>
        <source>--host and --join do not go together</source>
        <translation>--host et --join ne peuvent pas être combinés</translation>
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
    <message>
        <source>History is kept on this computer.</source>
        <translation>L’historique est conservé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>History is not kept: the room forgets it when it ends.</source>
        <translation>L’historique n’est pas conservé : le salon l’oublie quand il est fermé.</translation>
    </message>
    <message>
        <source>History is not being saved: %1</source>
        <translation>L’historique n’est pas enregistré : %1</translation>
    </message>
    <message>
        <source>The next time you host, the history will be kept.</source>
        <translation>La prochaine fois que vous hébergerez un salon, l’historique sera conservé.</translation>
    </message>
    <message>
        <source>The next time you host, the history will not be kept.</source>
        <translation>La prochaine fois que vous hébergerez un salon, l’historique ne sera pas conservé.</translation>
    </message>
    <message>
        <source>Set by --ephemeral on the command line.</source>
        <translation>Fixé par --ephemeral sur la ligne de commande.</translation>
    </message>
    <message>
        <source>Set by --data-dir on the command line.</source>
        <translation>Fixé par --data-dir sur la ligne de commande.</translation>
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
    <message>
        <source>lanchat: history is not being saved: %1</source>
        <translation>lanchat : l’historique n’est pas enregistré : %1</translation>
    </message>
</context>
<context>
    <name>HistoryPager</name>
    <message>
        <source>You are reading older messages.</source>
        <translation>Vous lisez des messages plus anciens.</translation>
    </message>
    <message>
        <source>Back to &amp;newest</source>
        <translation>Retour aux &amp;derniers messages</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Chargement des messages plus anciens…</translation>
    </message>
    <message>
        <source>This is the start of the conversation.</source>
        <translation>C’est le début de la conversation.</translation>
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
    <message>
        <source>Save QR as PNG…</source>
        <translation>Enregistrer le code QR en PNG…</translation>
    </message>
    <message>
        <source>Save the join card&apos;s QR code as a PNG file</source>
        <translation>Enregistrer le code QR de la carte d’accès dans un fichier PNG</translation>
    </message>
    <message>
        <source>Save QR as PNG</source>
        <translation>Enregistrer le code QR en PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>lanchat-room.png</source>
        <translation>lanchat-salon.png</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>Impossible d’enregistrer %1</translation>
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
    <message>
        <source>&amp;Show LAN Chat</source>
        <translation>&amp;Afficher LAN Chat</translation>
    </message>
    <message>
        <source>&amp;Mute Notifications</source>
        <translation>Couper les &amp;notifications</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
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
        <extracomment>the heading of the people list when it may be out of date, e.g. &quot;connection lost&quot;</extracomment>
        <translation>&amp;Personnes (%1)</translation>
    </message>
    <message numerus="yes">
        <source>People in the room: %n</source>
        <translation>
            <numerusform>Personnes dans le salon : %n</numerusform>
            <numerusform>Personnes dans le salon : %n</numerusform>
        </translation>
    </message>
    <message>
        <source>People in the room: unknown (%1)</source>
        <translation>Personnes dans le salon : inconnu (%1)</translation>
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
    <message>
        <source>The ufw firewall is on: others can join only once it lets LAN Chat in. Run “sudo ufw allow lanchat” once (it opens TCP port %1 for the room and UDP port %2 for finding rooms).</source>
        <translation>Le pare-feu ufw est actif : les autres ne pourront rejoindre le salon que lorsqu’il laissera passer LAN Chat. Exécutez une fois « sudo ufw allow lanchat » (cela ouvre le port TCP %1 pour le salon et le port UDP %2 pour trouver les salons).</translation>
    </message>
    <message>
        <source>The ufw firewall is on: others can join only once it lets TCP port %1 in. Run “sudo ufw allow %1/tcp” (and “sudo ufw allow %2/udp” so that the room is seen on the network).</source>
        <translation>Le pare-feu ufw est actif : les autres ne pourront rejoindre le salon que lorsqu’il laissera passer le port TCP %1. Exécutez « sudo ufw allow %1/tcp » (et « sudo ufw allow %2/udp » pour que le salon soit visible sur le réseau).</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search the room</source>
        <translation>Rechercher dans le salon</translation>
    </message>
    <message>
        <source>Search the room&apos;s messages</source>
        <translation>Rechercher dans les messages du salon</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the search</source>
        <translation>Fermer la recherche</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Messages trouvés</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>This room cannot be searched.</source>
        <translation>La recherche n’est pas disponible dans ce salon.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <extracomment>a search hit: sender, date and time, the message</extracomment>
        <translation>%1, %2 : %3</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Aucun message trouvé.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found</source>
        <translation>
            <numerusform>%n message trouvé</numerusform>
            <numerusform>%n messages trouvés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Maj+Entrée</translation>
    </message>
    <message>
        <source>Start a new line</source>
        <translation>Commencer une nouvelle ligne</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Flèche vers le haut</translation>
    </message>
    <message>
        <source>Bring back your last message (in an empty message box)</source>
        <translation>Rappeler votre dernier message (dans une zone de saisie vide)</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <source>Move between the parts of the window</source>
        <translation>Passer d’une partie de la fenêtre à l’autre</translation>
    </message>
    <message>
        <source>Enter (on the start screen)</source>
        <translation>Entrée (écran d’accueil)</translation>
    </message>
    <message>
        <source>Join the first room offered</source>
        <translation>Rejoindre le premier salon proposé</translation>
    </message>
    <message>
        <source>Double-click, Enter (Join dialog)</source>
        <translation>Double-clic, Entrée (Rejoindre un salon)</translation>
    </message>
    <message>
        <source>Join the selected room</source>
        <translation>Rejoindre le salon sélectionné</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Looking for rooms</source>
        <translation>Recherche de salons</translation>
    </message>
    <message>
        <source>&amp;Host my own room</source>
        <translation>&amp;Ouvrir mon propre salon</translation>
    </message>
    <message>
        <source>Join %1’s room (1 person)</source>
        <extracomment>%1 is the room&apos;s name; hosted rooms are named after the person who hosts them</extracomment>
        <translation>Rejoindre le salon de %1 (1 personne)</translation>
    </message>
    <message>
        <source>Join %1’s room (%2 people)</source>
        <translation>Rejoindre le salon de %1 (%2 personnes)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 sur %2 (%3)</translation>
    </message>
    <message>
        <source>Rooms on your network</source>
        <translation>Salons sur votre réseau</translation>
    </message>
    <message>
        <source>Press Enter to join the first one.</source>
        <translation>Appuyez sur Entrée pour rejoindre le premier.</translation>
    </message>
    <message>
        <source>Looking for rooms on your network…</source>
        <translation>Recherche de salons sur votre réseau…</translation>
    </message>
    <message>
        <source>If there is none, LAN Chat hosts a room for you.</source>
        <translation>S’il n’y en a aucun, LAN Chat ouvre un salon pour vous.</translation>
    </message>
    <message>
        <source>No rooms heard on your network</source>
        <translation>Aucun salon entendu sur votre réseau</translation>
    </message>
</context>
</TS>
