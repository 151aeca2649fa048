<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked Addresses</source>
        <translation>Adresses bloquées</translation>
    </message>
    <message>
        <source>Computers that cannot &amp;join this room:</source>
        <translation>Ordinateurs qui ne peuvent pas &amp;rejoindre ce salon :</translation>
    </message>
    <message>
        <source>Blocked addresses</source>
        <translation>Adresses bloquées</translation>
    </message>
    <message>
        <source>Nobody is blocked.</source>
        <translation>Personne n’est bloqué.</translation>
    </message>
    <message>
        <source>&amp;Unban</source>
        <translation>&amp;Débloquer</translation>
    </message>
    <message>
        <source>%1 — %2, banned</source>
        <translation>%1 — %2, banni</translation>
    </message>
    <message>
        <source>%1 — %2, removed until %3</source>
        <translation>%1 — %2, exclu jusqu’à %3</translation>
    </message>
</context>
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
    <message>
        <source>Save %1 in your Downloads folder</source>
        <translation>Enregistrer %1 dans votre dossier Téléchargements</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
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
    <message>
        <source>the host removed you</source>
        <translation>l’hôte vous a exclu</translation>
    </message>
    <message>
        <source>they are not in the room</source>
        <translation>cette personne n’est pas dans le salon</translation>
    </message>
    <message>
        <source>%1 is locked: nobody new can join now.</source>
        <translation>%1 est verrouillé : personne d’autre ne peut le rejoindre pour l’instant.</translation>
    </message>
    <message>
        <source>%1 asks for a passcode.</source>
        <translation>%1 demande un code d’accès.</translation>
    </message>
    <message>
        <source>%1 (private)</source>
        <translation>%1 (privé)</translation>
    </message>
    <message>
        <source>Private message to %1</source>
        <translation>Message privé à %1</translation>
    </message>
    <message>
        <source>You did not enter the room.</source>
        <translation>Vous n’êtes pas entré dans le salon.</translation>
    </message>
    <message>
        <source>The host banned you from this room.</source>
        <translation>L’hôte vous a banni de ce salon.</translation>
    </message>
    <message>
        <source>The host removed you from the room.</source>
        <translation>L’hôte vous a exclu du salon.</translation>
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
    <message>
        <source>--%1 needs a passcode of 1 to 256 characters without control characters</source>
        <translation>--%1 attend un code d’accès de 1 à 256 caractères sans caractères de contrôle</translation>
    </message>
    <message>
        <source>--passcode and --passcode-file do not go together</source>
        <translation>--passcode et --passcode-file ne peuvent pas être combinés</translation>
    </message>
    <message>
        <source>--passcode-file cannot read %1: %2</source>
        <translation>--passcode-file ne peut pas lire %1 : %2</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Only people who give this passcode may join the room (anyone on this computer can see it in the process list: --passcode-file is safer).</source>
        <translation>Seules les personnes qui donnent ce code d’accès peuvent rejoindre le salon (toute personne sur cet ordinateur peut le voir dans la liste des processus : --passcode-file est plus sûr).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>Read the room&apos;s passcode from the first line of FILE.</source>
        <translation>Lire le code d’accès du salon dans la première ligne de FICHIER.</translation>
    </message>
    <message>
        <source>Do not take files and pictures in the room.</source>
        <translation>Ne pas accepter de fichiers ni d’images dans le salon.</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>Largest file a person may send (default %1 MiB).</source>
        <translation>Taille maximale d’un fichier qu’une personne peut envoyer (par défaut : %1 Mio).</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>Gio</translation>
    </message>
    <message>
        <source>Space all the room&apos;s files may take (default %1 GiB; 0: no limit).</source>
        <translation>Espace que peuvent occuper tous les fichiers du salon (par défaut : %1 Gio ; 0 : sans limite).</translation>
    </message>
    <message>
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <source>Only take files of these types, e.g. image/*,application/pdf,.zip (default: any).</source>
        <translation>N’accepter que les fichiers de ces types, par exemple image/*,application/pdf,.zip (par défaut : tous).</translation>
    </message>
    <message>
        <source>--file-types takes types such as image/*, application/pdf or .zip, not %1</source>
        <translation>--file-types attend des types comme image/*, application/pdf ou .zip, et non %1</translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Private conversation with %1</source>
        <translation>Conversation privée avec %1</translation>
    </message>
    <message>
        <source>Others in the room do not see your conversation with %1.</source>
        <translation>Les autres personnes du salon ne voient pas votre conversation avec %1.</translation>
    </message>
    <message>
        <source>Private conversation with %1: others in the room do not see it.</source>
        <translation>Conversation privée avec %1 : les autres personnes du salon ne la voient pas.</translation>
    </message>
    <message>
        <source># Room</source>
        <extracomment>the tab of the room&apos;s public conversation, beside the private ones</extracomment>
        <translation># Salon</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a conversation tab: its name and how many of its messages are unread</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n message non lu</numerusform>
            <numerusform>%1, %n messages non lus</numerusform>
        </translation>
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
    <name>Downloads</name>
    <message>
        <source>No free file name in %1.</source>
        <translation>Aucun nom de fichier libre dans %1.</translation>
    </message>
    <message>
        <source>Could not name the file %1.</source>
        <translation>Impossible de nommer le fichier %1.</translation>
    </message>
</context>
<context>
    <name>FileSharing</name>
    <message>
        <source>Attach</source>
        <translation>Joindre</translation>
    </message>
    <message>
        <source>Send files or pictures (you can also drop them on the window or paste a picture)</source>
        <translation>Envoyer des fichiers ou des images (vous pouvez aussi les déposer sur la fenêtre ou coller une image)</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Envoyer un fichier</translation>
    </message>
    <message>
        <source>Send &amp;File…</source>
        <translation>&amp;Envoyer un fichier…</translation>
    </message>
    <message>
        <source>Show &amp;Transfers</source>
        <translation>Afficher les &amp;transferts</translation>
    </message>
    <message>
        <source>Could not send %1: %2</source>
        <translation>Impossible d’envoyer %1 : %2</translation>
    </message>
    <message>
        <source>Send Files</source>
        <translation>Envoyer des fichiers</translation>
    </message>
</context>
<context>
    <name>FileText</name>
    <message>
        <source>%1 file</source>
        <translation>Fichier %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
</context>
<context>
    <name>FileTransfers</name>
    <message>
        <source>The picture could not be saved for sending.</source>
        <translation>L’image n’a pas pu être enregistrée pour l’envoi.</translation>
    </message>
    <message>
        <source>It is not a file that can be read.</source>
        <translation>Ce n’est pas un fichier lisible.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent.</source>
        <translation>Le fichier a changé pendant son envoi.</translation>
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
    <message>
        <source>cannot create the folder</source>
        <translation>impossible de créer le dossier</translation>
    </message>
    <message>
        <source>Host link (keep it secret: whoever opens it may remove people):</source>
        <translation>Lien d’hôte (gardez-le secret : quiconque l’ouvre peut exclure des personnes) :</translation>
    </message>
    <message>
        <source>Host token written to %1</source>
        <translation>Jeton d’hôte écrit dans %1</translation>
    </message>
    <message>
        <source>lanchat: cannot write %1: %2</source>
        <translation>lanchat : impossible d’écrire %1 : %2</translation>
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
    <name>HostControls</name>
    <message>
        <source>&amp;Lock Room</source>
        <translation>Verro&amp;uiller le salon</translation>
    </message>
    <message>
        <source>Nobody new can join; those inside stay</source>
        <translation>Personne d’autre ne peut rejoindre ; ceux qui sont dedans restent</translation>
    </message>
    <message>
        <source>Set &amp;Passcode…</source>
        <translation>Définir le code d’&amp;accès…</translation>
    </message>
    <message>
        <source>Remo&amp;ve Passcode</source>
        <translation>Su&amp;pprimer le code d’accès</translation>
    </message>
    <message>
        <source>Blocked A&amp;ddresses…</source>
        <translation>Adresses &amp;bloquées…</translation>
    </message>
    <message>
        <source>&amp;Copy Host Link</source>
        <translation>Copier le &amp;lien d’hôte</translation>
    </message>
    <message>
        <source>A link that opens this room in a browser with host rights: give it only to people you trust</source>
        <translation>Un lien qui ouvre ce salon dans un navigateur avec les droits d’hôte : ne le donnez qu’à des personnes de confiance</translation>
    </message>
    <message>
        <source>&amp;Kick %1</source>
        <translation>&amp;Exclure %1</translation>
    </message>
    <message>
        <source>Removes them; their computer cannot join again for 10 minutes</source>
        <translation>Exclut la personne ; son ordinateur ne peut plus rejoindre pendant 10 minutes</translation>
    </message>
    <message>
        <source>&amp;Ban %1…</source>
        <translation>&amp;Bannir %1…</translation>
    </message>
    <message>
        <source>%1 removed %2 from the room</source>
        <translation>%1 a exclu %2 du salon</translation>
    </message>
    <message>
        <source>%1 banned %2 from the room</source>
        <translation>%1 a banni %2 du salon</translation>
    </message>
    <message>
        <source>%1 let a blocked computer back in</source>
        <translation>%1 a réautorisé un ordinateur bloqué</translation>
    </message>
    <message>
        <source>%1 locked the room</source>
        <translation>%1 a verrouillé le salon</translation>
    </message>
    <message>
        <source>%1 unlocked the room</source>
        <translation>%1 a déverrouillé le salon</translation>
    </message>
    <message>
        <source>%1 set a passcode for the room</source>
        <translation>%1 a défini un code d’accès pour le salon</translation>
    </message>
    <message>
        <source>%1 removed the room&apos;s passcode</source>
        <translation>%1 a supprimé le code d’accès du salon</translation>
    </message>
    <message>
        <source>Change &amp;Passcode…</source>
        <translation>Modifier le code d’&amp;accès…</translation>
    </message>
    <message>
        <source>Room Passcode</source>
        <translation>Code d’accès du salon</translation>
    </message>
    <message>
        <source>Passcode people must give to join (those inside stay):</source>
        <translation>Code d’accès à donner pour rejoindre (ceux qui sont dedans restent) :</translation>
    </message>
    <message>
        <source>Ban %1?</source>
        <translation>Bannir %1 ?</translation>
    </message>
    <message>
        <source>%1 is removed, and their computer cannot join this room again until you unban it (Room &gt; Blocked Addresses…) or the room ends.</source>
        <translation>%1 est exclu, et son ordinateur ne pourra plus rejoindre ce salon tant que vous ne l’aurez pas débloqué (Salon &gt; Adresses bloquées…) ou que le salon ne sera pas fermé.</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>&amp;Bannir</translation>
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
    <message>
        <source>Pass&amp;code (if the room asks for one):</source>
        <translation>&amp;Code d’accès (si le salon en demande un) :</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Code d’accès</translation>
    </message>
    <message>
        <source>%1 (asks for a passcode)</source>
        <translation>%1 (demande un code d’accès)</translation>
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
    <name>PasscodeDialog</name>
    <message>
        <source>Room Passcode</source>
        <translation>Code d’accès du salon</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Code d’accès</translation>
    </message>
    <message>
        <source>&amp;Enter Room</source>
        <translation>&amp;Entrer dans le salon</translation>
    </message>
    <message>
        <source>This room asks for a passcode:</source>
        <translation>Ce salon demande un code d’accès :</translation>
    </message>
    <message>
        <source>%1 asks for a passcode:</source>
        <translation>%1 demande un code d’accès :</translation>
    </message>
    <message>
        <source>That passcode is not right. Try again.</source>
        <translation>Ce code d’accès n’est pas le bon. Réessayez.</translation>
    </message>
    <message>
        <source>Too many wrong tries from this computer. Wait a minute, then try again.</source>
        <translation>Trop d’essais erronés depuis cet ordinateur. Patientez une minute, puis réessayez.</translation>
    </message>
    <message>
        <source>The host has locked the room: nobody new can join now.</source>
        <translation>L’hôte a verrouillé le salon : personne d’autre ne peut le rejoindre pour l’instant.</translation>
    </message>
    <message>
        <source>The host link is not valid for this room.</source>
        <translation>Le lien d’hôte n’est pas valable pour ce salon.</translation>
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
    <message>
        <source>%1 — host</source>
        <extracomment>a person with host rights in the people list; %1 is the name, maybe with &quot;(you)&quot;</extracomment>
        <translation>%1 — hôte</translation>
    </message>
    <message>
        <source>%1 hosts this room</source>
        <translation>%1 héberge ce salon</translation>
    </message>
    <message>
        <source>&amp;Message Privately</source>
        <translation>Écrire en &amp;privé</translation>
    </message>
</context>
<context>
    <name>PictureViewer</name>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Save to Downloads</source>
        <translation>Enregistrer dans Téléchargements</translation>
    </message>
    <message>
        <source>The picture could not be shown.</source>
        <translation>L’image n’a pas pu être affichée.</translation>
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
<context>
    <name>TransfersPanel</name>
    <message>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Hide the transfers (they go on)</source>
        <translation>Masquer les transferts (ils continuent)</translation>
    </message>
    <message>
        <source>This room does not take files.</source>
        <translation>Ce salon n’accepte pas de fichiers.</translation>
    </message>
    <message>
        <source>The file is larger than this room takes (at most %1).</source>
        <translation>Le fichier est plus gros que ce que ce salon accepte (au plus %1).</translation>
    </message>
    <message>
        <source>The file is larger than this room takes.</source>
        <translation>Le fichier est plus gros que ce que ce salon accepte.</translation>
    </message>
    <message>
        <source>This room does not take files of this type.</source>
        <translation>Ce salon n’accepte pas les fichiers de ce type.</translation>
    </message>
    <message>
        <source>The room&apos;s space for files is full.</source>
        <translation>L’espace du salon pour les fichiers est plein.</translation>
    </message>
    <message>
        <source>The host&apos;s disk is too full for this file.</source>
        <translation>Le disque de l’hôte est trop plein pour ce fichier.</translation>
    </message>
    <message>
        <source>That person is no longer in the room.</source>
        <translation>Cette personne n’est plus dans le salon.</translation>
    </message>
    <message>
        <source>The file arrived damaged (its SHA-256 does not match).</source>
        <translation>Le fichier est arrivé endommagé (son SHA-256 ne correspond pas).</translation>
    </message>
    <message>
        <source>The room no longer has this upload; send the file again.</source>
        <translation>Le salon n’a plus cet envoi ; envoyez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>The room did not understand the request.</source>
        <translation>Le salon n’a pas compris la demande.</translation>
    </message>
    <message>
        <source>The room answered with error %1.</source>
        <translation>Le salon a répondu avec l’erreur %1.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>Envoi de %1</translation>
    </message>
    <message>
        <source>Sending %1 to %2</source>
        <translation>Envoi de %1 à %2</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>Waiting for the room…</source>
        <translation>En attente du salon…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Connection lost — resuming…</source>
        <translation>Connexion perdue — reprise…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>Enregistrement de %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Saved, SHA-256 checked</source>
        <translation>Enregistré, SHA-256 vérifié</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
</TS>
