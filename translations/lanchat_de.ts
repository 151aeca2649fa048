<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BlockedDialog</name>
    <message>
        <source>Blocked Addresses</source>
        <translation>Blockierte Adressen</translation>
    </message>
    <message>
        <source>Computers that cannot &amp;join this room:</source>
        <translation>Computer, die diesem Raum nicht beitreten &amp;können:</translation>
    </message>
    <message>
        <source>Blocked addresses</source>
        <translation>Blockierte Adressen</translation>
    </message>
    <message>
        <source>Nobody is blocked.</source>
        <translation>Niemand ist blockiert.</translation>
    </message>
    <message>
        <source>&amp;Unban</source>
        <translation>&amp;Freigeben</translation>
    </message>
    <message>
        <source>%1 — %2, banned</source>
        <translation>%1 – %2, verbannt</translation>
    </message>
    <message>
        <source>%1 — %2, removed until %3</source>
        <translation>%1 – %2, entfernt bis %3</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>wird gesendet …</translation>
    </message>
    <message>
        <source>not delivered: %1</source>
        <translation>nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>Save %1 in your Downloads folder</source>
        <translation>%1 in deinem Downloads-Ordner speichern</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>%1 lost the connection</source>
        <translation>%1 hat die Verbindung verloren</translation>
    </message>
    <message>
        <source>%1 timed out</source>
        <translation>%1 antwortet nicht mehr</translation>
    </message>
    <message>
        <source>%1 was disconnected by the room</source>
        <translation>%1 wurde vom Raum getrennt</translation>
    </message>
    <message>
        <source>%1 left: the room ended</source>
        <translation>%1 ist gegangen: der Raum wurde beendet</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 ist gegangen</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>zu lang</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>you are sending too fast</source>
        <translation>du sendest zu schnell</translation>
    </message>
    <message>
        <source>the room ended</source>
        <translation>der Raum wurde beendet</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>&amp;Join Another Room…</source>
        <translation>Anderem &amp;Raum beitreten…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <source>&amp;Back to My Room</source>
        <translation>&amp;Zurück in meinen Raum</translation>
    </message>
    <message>
        <source>&amp;Host a Room</source>
        <translation>Raum &amp;eröffnen</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting…</source>
        <translation>&amp;Raum beenden …</translation>
    </message>
    <message>
        <source>&amp;Rename Yourself</source>
        <translation>Namen ä&amp;ndern</translation>
    </message>
    <message>
        <source>&amp;Write a Message</source>
        <translation>Nachricht s&amp;chreiben</translation>
    </message>
    <message>
        <source>&amp;Mute Notifications</source>
        <translation>Benachrichtigungen &amp;stummschalten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About LAN Chat</source>
        <translation>Ü&amp;ber LAN-Chat</translation>
    </message>
    <message>
        <source>About LAN Chat</source>
        <translation>Über LAN-Chat</translation>
    </message>
    <message>
        <source>LAN Chat %1

Chat rooms on the local network: host one, or join one from this window or any browser on the network.</source>
        <translation>LAN-Chat %1

Chaträume im lokalen Netzwerk: Eröffne einen oder tritt einem bei – aus diesem Fenster oder aus jedem Browser im Netzwerk.</translation>
    </message>
    <message>
        <source>You joined %1 as %2.</source>
        <translation>Du bist %1 als %2 beigetreten.</translation>
    </message>
    <message>
        <source>Reconnected.</source>
        <translation>Wieder verbunden.</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 ist beigetreten</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 heißt jetzt %2</translation>
    </message>
    <message>
        <source>Some messages were sent while you were away and are no longer available.</source>
        <translation>Während du weg warst, wurden Nachrichten gesendet, die nicht mehr verfügbar sind.</translation>
    </message>
    <message>
        <source>The host restarted the room.</source>
        <translation>Der Gastgeber hat den Raum neu gestartet.</translation>
    </message>
    <message>
        <source>You are sending messages too fast; wait a moment.</source>
        <translation>Du sendest Nachrichten zu schnell; warte einen Moment.</translation>
    </message>
    <message>
        <source>The room did not accept the name “%1”.</source>
        <translation>Der Raum hat den Namen „%1“ nicht angenommen.</translation>
    </message>
    <message>
        <source>Could not host a room: %1</source>
        <translation>Der Raum konnte nicht eröffnet werden: %1</translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation>Verbindung zu %1 wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Connected — you are hosting this room on port %1</source>
        <translation>Verbunden – du bist Gastgeber dieses Raums auf Port %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost — reconnecting in %n s…</source>
        <translation>
            <numerusform>Verbindung verloren – neuer Versuch in %n s …</numerusform>
            <numerusform>Verbindung verloren – neuer Versuch in %n s …</numerusform>
        </translation>
    </message>
    <message>
        <source>The host ended the room.</source>
        <translation>Der Gastgeber hat den Raum beendet.</translation>
    </message>
    <message>
        <source>Starting your room…</source>
        <translation>Dein Raum wird gestartet …</translation>
    </message>
    <message>
        <source>Not in a room</source>
        <translation>In keinem Raum</translation>
    </message>
    <message>
        <source>You are not in a room. Join one to send messages.</source>
        <translation>Du bist in keinem Raum. Tritt einem bei, um Nachrichten zu senden.</translation>
    </message>
    <message>
        <source>Your message is %1 characters long; this room accepts at most %2. Shorten it to send it.</source>
        <translation>Deine Nachricht ist %1 Zeichen lang; dieser Raum nimmt höchstens %2 an. Kürze sie, um sie zu senden.</translation>
    </message>
    <message>
        <source>LAN Chat</source>
        <translation>LAN-Chat</translation>
    </message>
    <message>
        <source>%1 — LAN Chat</source>
        <translation>%1 – LAN-Chat</translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting…</source>
        <translation>Verbindung verloren. Neuer Verbindungsversuch …</translation>
    </message>
    <message>
        <source>End Your Room?</source>
        <translation>Deinen Raum beenden?</translation>
    </message>
    <message>
        <source>&amp;End Room and Quit</source>
        <translation>Raum &amp;beenden und schließen</translation>
    </message>
    <message>
        <source>&amp;End Room</source>
        <translation>Raum &amp;beenden</translation>
    </message>
    <message>
        <source>Ending the room…</source>
        <translation>Der Raum wird beendet …</translation>
    </message>
    <message>
        <source>Keep Hosting?</source>
        <translation>Raum weiter betreiben?</translation>
    </message>
    <message>
        <source>You are hosting this room. Keep it running in the background while you are in the other room, or end it?</source>
        <translation>Du bist Gastgeber dieses Raums. Soll er im Hintergrund weiterlaufen, während du im anderen Raum bist, oder soll er beendet werden?</translation>
    </message>
    <message>
        <source>&amp;Keep Hosting</source>
        <translation>&amp;Weiter betreiben</translation>
    </message>
    <message>
        <source>&amp;Stop Hosting</source>
        <translation>Raum be&amp;enden</translation>
    </message>
    <message numerus="yes">
        <source>Others in your room: %n. Ending the room disconnects them.</source>
        <translation>
            <numerusform>Andere in deinem Raum: %n. Wenn du den Raum beendest, werden sie getrennt.</numerusform>
            <numerusform>Andere in deinem Raum: %n. Wenn du den Raum beendest, werden sie getrennt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename R&amp;oom…</source>
        <translation>Raum &amp;umbenennen …</translation>
    </message>
    <message>
        <source>&amp;Find Messages…</source>
        <translation>&amp;In Nachrichten suchen …</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Nobody is hosting at %1 (%2). You are still in %3.</source>
        <translation>Unter %1 gibt es keinen Raum (%2). Du bist weiterhin in %3.</translation>
    </message>
    <message>
        <source>The room is now called %1.</source>
        <translation>Der Raum heißt jetzt %1.</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Rename Room</source>
        <translation>Raum umbenennen</translation>
    </message>
    <message>
        <source>Room name:</source>
        <translation>Raumname:</translation>
    </message>
    <message>
        <source>Keep the Room Running?</source>
        <translation>Raum weiterlaufen lassen?</translation>
    </message>
    <message numerus="yes">
        <source>Others in your room: %n. Keep the room running in the tray, or end it and quit?</source>
        <translation>
            <numerusform>Andere in deinem Raum: %n. Den Raum im Infobereich weiterlaufen lassen oder ihn beenden und LAN-Chat schließen?</numerusform>
            <numerusform>Andere in deinem Raum: %n. Den Raum im Infobereich weiterlaufen lassen oder ihn beenden und LAN-Chat schließen?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Keep Running in Tray</source>
        <translation>Im Infobereich &amp;weiterlaufen lassen</translation>
    </message>
    <message>
        <source>&amp;Keep History on This Computer</source>
        <translation>&amp;Verlauf auf diesem Computer speichern</translation>
    </message>
    <message>
        <source>the host removed you</source>
        <translation>der Gastgeber hat dich entfernt</translation>
    </message>
    <message>
        <source>they are not in the room</source>
        <translation>die Person ist nicht im Raum</translation>
    </message>
    <message>
        <source>%1 is locked: nobody new can join now.</source>
        <translation>%1 ist gesperrt: Niemand Neues kann jetzt beitreten.</translation>
    </message>
    <message>
        <source>%1 asks for a passcode.</source>
        <translation>%1 verlangt einen Zugangscode.</translation>
    </message>
    <message>
        <source>%1 (private)</source>
        <translation>%1 (privat)</translation>
    </message>
    <message>
        <source>Private message to %1</source>
        <translation>Private Nachricht an %1</translation>
    </message>
    <message>
        <source>You did not enter the room.</source>
        <translation>Du hast den Raum nicht betreten.</translation>
    </message>
    <message>
        <source>The host banned you from this room.</source>
        <translation>Der Gastgeber hat dich aus diesem Raum verbannt.</translation>
    </message>
    <message>
        <source>The host removed you from the room.</source>
        <translation>Der Gastgeber hat dich aus dem Raum entfernt.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Host a room without a window.</source>
        <translation>Einen Raum ohne Fenster eröffnen.</translation>
    </message>
    <message>
        <source>port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Address to listen on (default: all).</source>
        <translation>Adresse, auf der gelauscht wird (Standard: alle).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Your nickname in the window.</source>
        <translation>Dein Name im Fenster.</translation>
    </message>
    <message>
        <source>nick</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Open the window in another room instead of hosting (ws://HOST:PORT/ws, http://HOST:PORT/ or HOST:PORT).</source>
        <translation>Das Fenster in einem anderen Raum öffnen, statt selbst einen zu eröffnen (ws://HOST:PORT/ws, http://HOST:PORT/ oder HOST:PORT).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Also accept browser pages from this origin, e.g. http://chat.example:8765 (repeatable).</source>
        <translation>Auch Browserseiten von diesem Ursprung annehmen, z. B. http://chat.example:8765 (mehrfach angebbar).</translation>
    </message>
    <message>
        <source>origin</source>
        <translation>Ursprung</translation>
    </message>
    <message>
        <source>Do not announce the room on the LAN.</source>
        <translation>Den Raum nicht im LAN ankündigen.</translation>
    </message>
    <message>
        <source>List the rooms announced on the LAN and exit.</source>
        <translation>Die im LAN angekündigten Räume auflisten und beenden.</translation>
    </message>
    <message>
        <source>With --headless: print a QR code of the address.</source>
        <translation>Mit --headless: einen QR-Code der Adresse ausgeben.</translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3, not %4</source>
        <translation>--%1 erwartet eine Zahl von %2 bis %3, nicht %4</translation>
    </message>
    <message>
        <source>--headless and --discover do not go together</source>
        <translation>--headless und --discover lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>TCP port for the page and the chat (default %1; 0: any free port).</source>
        <translation>TCP-Port für die Seite und den Chat (Standard: %1; 0: ein beliebiger freier Port).</translation>
    </message>
    <message>
        <source>--bind needs an IP address, not %1</source>
        <translation>--bind erwartet eine IP-Adresse, nicht %1</translation>
    </message>
    <message>
        <source>Name of the hosted room (default: your name; headless: this computer&apos;s name).</source>
        <translation>Name des eröffneten Raums (Standard: dein Name; ohne Fenster: der Name dieses Computers).</translation>
    </message>
    <message>
        <source>--room takes a name of 1 to 64 characters, not %1</source>
        <translation>--room erwartet einen Namen mit 1 bis 64 Zeichen, nicht %1</translation>
    </message>
    <message>
        <source>--nick takes a name of at most %1 characters, not %2</source>
        <translation>--nick erwartet einen Namen mit höchstens %1 Zeichen, nicht %2</translation>
    </message>
    <message>
        <source>Host a room at once (by default the window first looks for a room on the LAN to join).</source>
        <translation>Sofort einen Raum eröffnen (standardmäßig sucht das Fenster zuerst im LAN nach einem Raum zum Beitreten).</translation>
    </message>
    <message>
        <source>--join needs a room address, not %1</source>
        <translation>--join erwartet eine Raumadresse, nicht %1</translation>
    </message>
    <message>
        <source>Most connections at once (default %1).</source>
        <translation>Höchstzahl gleichzeitiger Verbindungen (Standard: %1).</translation>
    </message>
    <message>
        <source>Messages per second one client may send, sustained (default %1; 0 turns the limit off).</source>
        <translation>Nachrichten pro Sekunde, die ein Client dauerhaft senden darf (Standard: %1; 0 schaltet die Begrenzung ab).</translation>
    </message>
    <message>
        <source>Messages one client may send in a burst (default %1).</source>
        <translation>Nachrichten, die ein Client kurz hintereinander senden darf (Standard: %1).</translation>
    </message>
    <message>
        <source>Unsent KiB a client may fall behind before it is dropped (default %1).</source>
        <translation>Noch nicht gesendete KiB, um die ein Client zurückliegen darf, bevor er getrennt wird (Standard: %1).</translation>
    </message>
    <message>
        <source>Chat messages kept for late joiners (default %1).</source>
        <translation>Chatnachrichten, die für später Beitretende aufbewahrt werden (Standard: %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folder for the rooms&apos; history (default: the app data folder, %1).</source>
        <translation>Ordner für den Verlauf der Räume (Standard: der Datenordner der App, %1).</translation>
    </message>
    <message>
        <source>--data-dir needs a folder, not %1</source>
        <translation>--data-dir erwartet einen Ordner, nicht %1</translation>
    </message>
    <message>
        <source>Keep nothing on disk: the history ends with the room.</source>
        <translation>Nichts auf der Festplatte speichern: Der Verlauf endet mit dem Raum.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Days the history is kept (default %1; 0: no limit).</source>
        <translation>Tage, die der Verlauf aufbewahrt wird (Standard: %1; 0: unbegrenzt).</translation>
    </message>
    <message>
        <source>Messages the history keeps at most (default %1; 0: no limit).</source>
        <translation>Höchstzahl der Nachrichten im Verlauf (Standard: %1; 0: unbegrenzt).</translation>
    </message>
    <message>
        <source>Seconds between keepalive pings (default %1).</source>
        <translation>Sekunden zwischen Keepalive-Pings (Standard: %1).</translation>
    </message>
    <message>
        <source>Seconds of silence before a client is dropped (default %1).</source>
        <translation>Sekunden ohne Lebenszeichen, bevor ein Client getrennt wird (Standard: %1).</translation>
    </message>
    <message>
        <source>--allow-origin needs an origin such as http://chat.example:8765, not %1</source>
        <translation>--allow-origin erwartet einen Ursprung wie http://chat.example:8765, nicht %1</translation>
    </message>
    <message>
        <source>Also serve the page under this host name, e.g. chat.example (repeatable; IP addresses, localhost and this machine&apos;s names always work).</source>
        <translation>Die Seite auch unter diesem Hostnamen ausliefern, z. B. chat.example (mehrfach angebbar; IP-Adressen, localhost und die Namen dieses Rechners funktionieren immer).</translation>
    </message>
    <message>
        <source>--allow-host needs a host name such as chat.example, not %1</source>
        <translation>--allow-host erwartet einen Hostnamen wie chat.example, nicht %1</translation>
    </message>
    <message>
        <source>With --discover: seconds to listen (default %1).</source>
        <translation>Mit --discover: Sekunden, die gelauscht wird (Standard: %1).</translation>
    </message>
    <message>
        <source>Usage: lanchat [options]</source>
        <translation>Aufruf: lanchat [Optionen]</translation>
    </message>
    <message>
        <source>Chat rooms on the local network. Started without options, LAN Chat opens its window and joins a room it hears on the LAN, or hosts one; anyone on the LAN can join from the app or a browser.</source>
        <translation>Chaträume im lokalen Netzwerk. Ohne Optionen gestartet, öffnet LAN-Chat sein Fenster und tritt einem Raum bei, den es im LAN findet, oder eröffnet selbst einen; alle im LAN können über die App oder einen Browser beitreten.</translation>
    </message>
    <message>
        <source>%1 (see lanchat --help)</source>
        <translation>%1 (siehe lanchat --help)</translation>
    </message>
    <message>
        <source>unexpected argument %1</source>
        <translation>unerwartetes Argument %1</translation>
    </message>
    <message>
        <source>--ephemeral and --data-dir do not go together</source>
        <translation>--ephemeral und --data-dir lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>--host and --join do not go together</source>
        <translation>--host und --join lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>--%1 needs a passcode of 1 to 256 characters without control characters</source>
        <translation>--%1 erwartet einen Zugangscode mit 1 bis 256 Zeichen ohne Steuerzeichen</translation>
    </message>
    <message>
        <source>--passcode and --passcode-file do not go together</source>
        <translation>--passcode und --passcode-file lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>--passcode-file cannot read %1: %2</source>
        <translation>--passcode-file kann %1 nicht lesen: %2</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Only people who give this passcode may join the room (anyone on this computer can see it in the process list: --passcode-file is safer).</source>
        <translation>Nur wer diesen Zugangscode angibt, darf dem Raum beitreten (alle auf diesem Computer können ihn in der Prozessliste sehen: --passcode-file ist sicherer).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Read the room&apos;s passcode from the first line of FILE.</source>
        <translation>Den Zugangscode des Raums aus der ersten Zeile von DATEI lesen.</translation>
    </message>
    <message>
        <source>Do not take files and pictures in the room.</source>
        <translation>Keine Dateien und Bilder im Raum annehmen.</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Largest file a person may send (default %1 MiB).</source>
        <translation>Größte Datei, die eine Person senden darf (Standard: %1 MiB).</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>Space all the room&apos;s files may take (default %1 GiB; 0: no limit).</source>
        <translation>Platz, den alle Dateien des Raums belegen dürfen (Standard: %1 GiB; 0: unbegrenzt).</translation>
    </message>
    <message>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Only take files of these types, e.g. image/*,application/pdf,.zip (default: any).</source>
        <translation>Nur Dateien dieser Typen annehmen, z. B. image/*,application/pdf,.zip (Standard: alle).</translation>
    </message>
    <message>
        <source>--file-types takes types such as image/*, application/pdf or .zip, not %1</source>
        <translation>--file-types erwartet Typen wie image/*, application/pdf oder .zip, nicht %1</translation>
    </message>
</context>
<context>
    <name>Conversations</name>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Private conversation with %1</source>
        <translation>Private Unterhaltung mit %1</translation>
    </message>
    <message>
        <source>Others in the room do not see your conversation with %1.</source>
        <translation>Andere im Raum sehen deine Unterhaltung mit %1 nicht.</translation>
    </message>
    <message>
        <source>Private conversation with %1: others in the room do not see it.</source>
        <translation>Private Unterhaltung mit %1: Andere im Raum sehen sie nicht.</translation>
    </message>
    <message>
        <source># Room</source>
        <extracomment>the tab of the room&apos;s public conversation, beside the private ones</extracomment>
        <translation># Raum</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>a conversation tab: its name and how many of its messages are unread</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n unread</source>
        <translation>
            <numerusform>%1, %n ungelesene Nachricht</numerusform>
            <numerusform>%1, %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>Cannot listen for rooms on UDP port %1.</source>
        <translation>Auf UDP-Port %1 kann nicht nach Räumen gelauscht werden.</translation>
    </message>
    <message>
        <source>No rooms heard within %1 s.</source>
        <translation>Innerhalb von %1 s wurde kein Raum gefunden.</translation>
    </message>
</context>
<context>
    <name>Downloads</name>
    <message>
        <source>No free file name in %1.</source>
        <translation>Kein freier Dateiname in %1.</translation>
    </message>
    <message>
        <source>Could not name the file %1.</source>
        <translation>Die Datei %1 konnte nicht benannt werden.</translation>
    </message>
</context>
<context>
    <name>FileSharing</name>
    <message>
        <source>Attach</source>
        <translation>Anhängen</translation>
    </message>
    <message>
        <source>Send files or pictures (you can also drop them on the window or paste a picture)</source>
        <translation>Dateien oder Bilder senden (du kannst sie auch auf das Fenster ziehen oder ein Bild einfügen)</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Eine Datei senden</translation>
    </message>
    <message>
        <source>Send &amp;File…</source>
        <translation>D&amp;atei senden …</translation>
    </message>
    <message>
        <source>Show &amp;Transfers</source>
        <translation>Über&amp;tragungen anzeigen</translation>
    </message>
    <message>
        <source>Could not send %1: %2</source>
        <translation>%1 konnte nicht gesendet werden: %2</translation>
    </message>
    <message>
        <source>Send Files</source>
        <translation>Dateien senden</translation>
    </message>
</context>
<context>
    <name>FileText</name>
    <message>
        <source>%1 file</source>
        <translation>%1-Datei</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>FileTransfers</name>
    <message>
        <source>The picture could not be saved for sending.</source>
        <translation>Das Bild konnte zum Senden nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>It is not a file that can be read.</source>
        <translation>Das ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>The file changed while it was being sent.</source>
        <translation>Die Datei hat sich während des Sendens geändert.</translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>History is kept on this computer.</source>
        <translation>Der Verlauf wird auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>History is not kept: the room forgets it when it ends.</source>
        <translation>Der Verlauf wird nicht gespeichert: Der Raum vergisst ihn, wenn er endet.</translation>
    </message>
    <message>
        <source>History is not being saved: %1</source>
        <translation>Der Verlauf kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The next time you host, the history will be kept.</source>
        <translation>Wenn du das nächste Mal einen Raum eröffnest, wird der Verlauf gespeichert.</translation>
    </message>
    <message>
        <source>The next time you host, the history will not be kept.</source>
        <translation>Wenn du das nächste Mal einen Raum eröffnest, wird der Verlauf nicht gespeichert.</translation>
    </message>
    <message>
        <source>Set by --ephemeral on the command line.</source>
        <translation>Durch --ephemeral auf der Kommandozeile festgelegt.</translation>
    </message>
    <message>
        <source>Set by --data-dir on the command line.</source>
        <translation>Durch --data-dir auf der Kommandozeile festgelegt.</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>Open one of these addresses in a browser:</source>
        <translation>Öffne eine dieser Adressen in einem Browser:</translation>
    </message>
    <message>
        <source>Press Ctrl+C to end the room.</source>
        <translation>Drücke Strg+C, um den Raum zu beenden.</translation>
    </message>
    <message>
        <source>lanchat: cannot host the room: %1</source>
        <translation>lanchat: Der Raum kann nicht eröffnet werden: %1</translation>
    </message>
    <message>
        <source>lanchat: history is not being saved: %1</source>
        <translation>lanchat: Der Verlauf kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Host link (keep it secret: whoever opens it may remove people):</source>
        <translation>Gastgeber-Link (geheim halten: Wer ihn öffnet, kann Personen entfernen):</translation>
    </message>
    <message>
        <source>Host token written to %1</source>
        <translation>Gastgeber-Token in %1 geschrieben</translation>
    </message>
    <message>
        <source>lanchat: cannot write %1: %2</source>
        <translation>lanchat: %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>HistoryPager</name>
    <message>
        <source>You are reading older messages.</source>
        <translation>Du liest ältere Nachrichten.</translation>
    </message>
    <message>
        <source>Back to &amp;newest</source>
        <translation>&amp;Zurück zu den neuesten</translation>
    </message>
    <message>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen …</translation>
    </message>
    <message>
        <source>This is the start of the conversation.</source>
        <translation>Hier beginnt die Unterhaltung.</translation>
    </message>
</context>
<context>
    <name>HostControls</name>
    <message>
        <source>&amp;Lock Room</source>
        <translation>Raum s&amp;perren</translation>
    </message>
    <message>
        <source>Nobody new can join; those inside stay</source>
        <translation>Niemand Neues kann beitreten; wer drin ist, bleibt</translation>
    </message>
    <message>
        <source>Set &amp;Passcode…</source>
        <translation>Zu&amp;gangscode festlegen …</translation>
    </message>
    <message>
        <source>Remo&amp;ve Passcode</source>
        <translation>Zugangscode ent&amp;fernen</translation>
    </message>
    <message>
        <source>Blocked A&amp;ddresses…</source>
        <translation>Blockierte A&amp;dressen …</translation>
    </message>
    <message>
        <source>&amp;Copy Host Link</source>
        <translation>Gastgeber-Link &amp;kopieren</translation>
    </message>
    <message>
        <source>A link that opens this room in a browser with host rights: give it only to people you trust</source>
        <translation>Ein Link, der diesen Raum im Browser mit Gastgeberrechten öffnet: Gib ihn nur Personen, denen du vertraust</translation>
    </message>
    <message>
        <source>&amp;Kick %1</source>
        <translation>%1 &amp;entfernen</translation>
    </message>
    <message>
        <source>Removes them; their computer cannot join again for 10 minutes</source>
        <translation>Entfernt die Person; ihr Computer kann 10 Minuten lang nicht wieder beitreten</translation>
    </message>
    <message>
        <source>&amp;Ban %1…</source>
        <translation>%1 &amp;verbannen …</translation>
    </message>
    <message>
        <source>%1 removed %2 from the room</source>
        <translation>%1 hat %2 aus dem Raum entfernt</translation>
    </message>
    <message>
        <source>%1 banned %2 from the room</source>
        <translation>%1 hat %2 aus dem Raum verbannt</translation>
    </message>
    <message>
        <source>%1 let a blocked computer back in</source>
        <translation>%1 hat einen blockierten Computer wieder zugelassen</translation>
    </message>
    <message>
        <source>%1 locked the room</source>
        <translation>%1 hat den Raum gesperrt</translation>
    </message>
    <message>
        <source>%1 unlocked the room</source>
        <translation>%1 hat den Raum entsperrt</translation>
    </message>
    <message>
        <source>%1 set a passcode for the room</source>
        <translation>%1 hat einen Zugangscode für den Raum festgelegt</translation>
    </message>
    <message>
        <source>%1 removed the room&apos;s passcode</source>
        <translation>%1 hat den Zugangscode des Raums entfernt</translation>
    </message>
    <message>
        <source>Change &amp;Passcode…</source>
        <translation>Zu&amp;gangscode ändern …</translation>
    </message>
    <message>
        <source>Room Passcode</source>
        <translation>Zugangscode des Raums</translation>
    </message>
    <message>
        <source>Passcode people must give to join (those inside stay):</source>
        <translation>Zugangscode, den man zum Beitreten angeben muss (wer drin ist, bleibt):</translation>
    </message>
    <message>
        <source>Ban %1?</source>
        <translation>%1 verbannen?</translation>
    </message>
    <message>
        <source>%1 is removed, and their computer cannot join this room again until you unban it (Room &gt; Blocked Addresses…) or the room ends.</source>
        <translation>%1 wird entfernt, und der Computer dieser Person kann dem Raum nicht wieder beitreten, bis du ihn freigibst (Raum &gt; Blockierte Adressen …) oder der Raum endet.</translation>
    </message>
    <message>
        <source>&amp;Ban</source>
        <translation>&amp;Verbannen</translation>
    </message>
</context>
<context>
    <name>HostPanel</name>
    <message>
        <source>Others can join at</source>
        <translation>Andere können beitreten unter</translation>
    </message>
    <message>
        <source>No network connection: only this computer can join.</source>
        <translation>Keine Netzwerkverbindung: Nur dieser Computer kann beitreten.</translation>
    </message>
    <message>
        <source>Join card: scan this code with a phone to join</source>
        <translation>Beitrittskarte: Scanne diesen Code mit einem Telefon, um beizutreten</translation>
    </message>
    <message>
        <source>No join card yet.</source>
        <translation>Noch keine Beitrittskarte.</translation>
    </message>
    <message>
        <source>Reachability</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <source>this computer only</source>
        <translation>nur dieser Computer</translation>
    </message>
    <message>
        <source>Room address %1 (%2)</source>
        <translation>Raumadresse %1 (%2)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy address %1</source>
        <translation>Adresse %1 kopieren</translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Save QR as PNG…</source>
        <translation>QR-Code als PNG speichern …</translation>
    </message>
    <message>
        <source>Save the join card&apos;s QR code as a PNG file</source>
        <translation>Den QR-Code der Beitrittskarte als PNG-Datei speichern</translation>
    </message>
    <message>
        <source>Save QR as PNG</source>
        <translation>QR-Code als PNG speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>lanchat-room.png</source>
        <translation>lanchat-raum.png</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Could not save %1</source>
        <translation>%1 konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join a Room</source>
        <translation>Einem Raum beitreten</translation>
    </message>
    <message>
        <source>Room &amp;address:</source>
        <translation>Raum&amp;adresse:</translation>
    </message>
    <message>
        <source>Room address</source>
        <translation>Raumadresse</translation>
    </message>
    <message>
        <source>192.168.1.20, 192.168.1.20:8765 or http://…</source>
        <translation>192.168.1.20, 192.168.1.20:8765 oder http://…</translation>
    </message>
    <message>
        <source>Rooms on your &amp;network:</source>
        <translation>Räume in deinem &amp;Netzwerk:</translation>
    </message>
    <message>
        <source>Rooms on your network</source>
        <translation>Räume in deinem Netzwerk</translation>
    </message>
    <message>
        <source>No rooms heard on the network yet. Rooms appear here as their hosts announce them.</source>
        <translation>Noch keine Räume im Netzwerk gefunden. Räume erscheinen hier, sobald ihre Gastgeber sie ankündigen.</translation>
    </message>
    <message>
        <source>&amp;Recent rooms:</source>
        <translation>&amp;Letzte Räume:</translation>
    </message>
    <message>
        <source>Recent rooms</source>
        <translation>Letzte Räume</translation>
    </message>
    <message>
        <source>Rooms you join are remembered here.</source>
        <translation>Räume, denen du beitrittst, werden hier gemerkt.</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>“%1” is not a room address. Type a computer name or IP address, optionally with :port, or paste the http:// address the host shows.</source>
        <translation>„%1“ ist keine Raumadresse. Gib einen Computernamen oder eine IP-Adresse ein, optional mit :Port, oder füge die http://-Adresse ein, die der Gastgeber anzeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 (people: %n)</source>
        <translation>
            <numerusform>%1 – %2 (Personen: %n)</numerusform>
            <numerusform>%1 – %2 (Personen: %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pass&amp;code (if the room asks for one):</source>
        <translation>&amp;Zugangscode (falls der Raum einen verlangt):</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <source>%1 (asks for a passcode)</source>
        <translation>%1 (verlangt einen Zugangscode)</translation>
    </message>
</context>
<context>
    <name>MessageInput</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message… (Enter sends, Shift+Enter adds a line)</source>
        <translation>Nachricht schreiben … (Eingabe sendet, Umschalt+Eingabe fügt eine Zeile hinzu)</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>LAN Chat</source>
        <translation>LAN-Chat</translation>
    </message>
    <message>
        <source>LAN Chat — %1</source>
        <translation>LAN-Chat – %1</translation>
    </message>
    <message numerus="yes">
        <source>Unread messages: %n</source>
        <translation>
            <numerusform>Ungelesene Nachrichten: %n</numerusform>
            <numerusform>Ungelesene Nachrichten: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Show LAN Chat</source>
        <translation>LAN-Chat &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Mute Notifications</source>
        <translation>Benachrichtigungen &amp;stummschalten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>PasscodeDialog</name>
    <message>
        <source>Room Passcode</source>
        <translation>Zugangscode des Raums</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Zugangscode</translation>
    </message>
    <message>
        <source>&amp;Enter Room</source>
        <translation>Raum &amp;betreten</translation>
    </message>
    <message>
        <source>This room asks for a passcode:</source>
        <translation>Dieser Raum verlangt einen Zugangscode:</translation>
    </message>
    <message>
        <source>%1 asks for a passcode:</source>
        <translation>%1 verlangt einen Zugangscode:</translation>
    </message>
    <message>
        <source>That passcode is not right. Try again.</source>
        <translation>Dieser Zugangscode stimmt nicht. Versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Too many wrong tries from this computer. Wait a minute, then try again.</source>
        <translation>Zu viele falsche Versuche von diesem Computer. Warte eine Minute und versuch es dann noch einmal.</translation>
    </message>
    <message>
        <source>The host has locked the room: nobody new can join now.</source>
        <translation>Der Gastgeber hat den Raum gesperrt: Niemand Neues kann jetzt beitreten.</translation>
    </message>
    <message>
        <source>The host link is not valid for this room.</source>
        <translation>Der Gastgeber-Link gilt nicht für diesen Raum.</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>People in the room</source>
        <translation>Personen im Raum</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dein &amp;Name:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename yourself</source>
        <translation>Eigenen Namen ändern</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (du)</translation>
    </message>
    <message>
        <source>&amp;People (%1)</source>
        <extracomment>the heading of the people list when it may be out of date, e.g. &quot;connection lost&quot;</extracomment>
        <translation>&amp;Personen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>People in the room: %n</source>
        <translation>
            <numerusform>Personen im Raum: %n</numerusform>
            <numerusform>Personen im Raum: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>People in the room: unknown (%1)</source>
        <translation>Personen im Raum: unbekannt (%1)</translation>
    </message>
    <message>
        <source>%1 — host</source>
        <extracomment>a person with host rights in the people list; %1 is the name, maybe with &quot;(you)&quot;</extracomment>
        <translation>%1 – Gastgeber</translation>
    </message>
    <message>
        <source>%1 hosts this room</source>
        <translation>%1 ist Gastgeber dieses Raums</translation>
    </message>
    <message>
        <source>&amp;Message Privately</source>
        <translation>&amp;Privat schreiben</translation>
    </message>
</context>
<context>
    <name>PictureViewer</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>Save to Downloads</source>
        <translation>In Downloads speichern</translation>
    </message>
    <message>
        <source>The picture could not be shown.</source>
        <translation>Das Bild konnte nicht angezeigt werden.</translation>
    </message>
</context>
<context>
    <name>Reachability</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>Port %1 was busy; the room uses %2 instead. People who were given the old address need the new one.</source>
        <translation>Port %1 war belegt; der Raum verwendet stattdessen %2. Wer die alte Adresse bekommen hat, braucht die neue.</translation>
    </message>
    <message>
        <source>The room listens on %1 only, so only this computer can join. Host on all network interfaces to let others in.</source>
        <translation>Der Raum lauscht nur auf %1, daher kann nur dieser Computer beitreten. Eröffne ihn auf allen Netzwerkschnittstellen, um andere hereinzulassen.</translation>
    </message>
    <message>
        <source>Only this computer can reach the room: there is no network connection besides loopback. Connect to a Wi-Fi or wired network, then host the room again.</source>
        <translation>Nur dieser Computer kann den Raum erreichen: Außer Loopback gibt es keine Netzwerkverbindung. Verbinde dich mit einem WLAN oder kabelgebundenen Netzwerk und eröffne den Raum dann erneut.</translation>
    </message>
    <message>
        <source>This computer is on several networks: %1. People nearby most likely reach the room at %2 (%3); if that fails, give them one of the other addresses.</source>
        <translation>Dieser Computer ist in mehreren Netzwerken: %1. Personen in der Nähe erreichen den Raum am ehesten unter %2 (%3); falls das nicht klappt, gib ihnen eine der anderen Adressen.</translation>
    </message>
    <message>
        <source>%1 (%2) looks like a VPN or tunnel. A VPN can capture traffic so that people on your network cannot reach you; if nobody can join, allow local network access in the VPN&apos;s settings or pause it.</source>
        <translation>%1 (%2) sieht nach einem VPN oder Tunnel aus. Ein VPN kann den Datenverkehr so umleiten, dass Personen in deinem Netzwerk dich nicht erreichen; wenn niemand beitreten kann, erlaube in den VPN-Einstellungen den Zugriff auf das lokale Netzwerk oder pausiere das VPN.</translation>
    </message>
    <message>
        <source>the answer was not HTTP</source>
        <translation>die Antwort war kein HTTP</translation>
    </message>
    <message>
        <source>it answered “%1” instead of the room&apos;s page</source>
        <translation>statt der Seite des Raums kam die Antwort „%1“</translation>
    </message>
    <message>
        <source>the connection closed without an answer</source>
        <translation>die Verbindung wurde ohne Antwort geschlossen</translation>
    </message>
    <message>
        <source>A firewall may be blocking TCP port %1; allow incoming connections on it.</source>
        <translation>Eine Firewall blockiert möglicherweise TCP-Port %1; erlaube eingehende Verbindungen darauf.</translation>
    </message>
    <message>
        <source>Nothing accepts connections on TCP port %1 there: the room may listen on another address, or a firewall rejects the connections.</source>
        <translation>Dort nimmt nichts Verbindungen auf TCP-Port %1 an: Der Raum lauscht vielleicht auf einer anderen Adresse, oder eine Firewall weist die Verbindungen ab.</translation>
    </message>
    <message>
        <source>Another program may be answering on that address and port.</source>
        <translation>Möglicherweise antwortet ein anderes Programm auf dieser Adresse und diesem Port.</translation>
    </message>
    <message>
        <source>Check that this network connection works.</source>
        <translation>Prüfe, ob diese Netzwerkverbindung funktioniert.</translation>
    </message>
    <message>
        <source>The room&apos;s page did not open through %1: %2. %3</source>
        <extracomment>%1 is an address (and interface), %2 what went wrong, %3 what to do about it</extracomment>
        <translation>Die Seite des Raums ließ sich über %1 nicht öffnen: %2. %3</translation>
    </message>
    <message>
        <source>The ufw firewall is on: others can join only once it lets LAN Chat in. Run “sudo ufw allow lanchat” once (it opens TCP port %1 for the room and UDP port %2 for finding rooms).</source>
        <translation>Die Firewall ufw ist aktiv: Andere können erst beitreten, wenn sie LAN-Chat durchlässt. Führe einmal „sudo ufw allow lanchat“ aus (das öffnet TCP-Port %1 für den Raum und UDP-Port %2 für die Raumsuche).</translation>
    </message>
    <message>
        <source>The ufw firewall is on: others can join only once it lets TCP port %1 in. Run “sudo ufw allow %1/tcp” (and “sudo ufw allow %2/udp” so that the room is seen on the network).</source>
        <translation>Die Firewall ufw ist aktiv: Andere können erst beitreten, wenn sie TCP-Port %1 durchlässt. Führe „sudo ufw allow %1/tcp“ aus (und „sudo ufw allow %2/udp“, damit der Raum im Netzwerk sichtbar ist).</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search the room</source>
        <translation>Raum durchsuchen</translation>
    </message>
    <message>
        <source>Search the room&apos;s messages</source>
        <translation>Nachrichten im Raum durchsuchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the search</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>This room cannot be searched.</source>
        <translation>Dieser Raum kann nicht durchsucht werden.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <extracomment>a search hit: sender, date and time, the message</extracomment>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Keine Nachrichten gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found</source>
        <translation>
            <numerusform>%n Nachricht gefunden</numerusform>
            <numerusform>%n Nachrichten gefunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Shift+Enter</source>
        <translation>Umschalt+Eingabe</translation>
    </message>
    <message>
        <source>Start a new line</source>
        <translation>Neue Zeile beginnen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Pfeil nach oben</translation>
    </message>
    <message>
        <source>Bring back your last message (in an empty message box)</source>
        <translation>Letzte Nachricht zurückholen (im leeren Eingabefeld)</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Move between the parts of the window</source>
        <translation>Zwischen den Fensterbereichen wechseln</translation>
    </message>
    <message>
        <source>Enter (on the start screen)</source>
        <translation>Eingabe (Startbildschirm)</translation>
    </message>
    <message>
        <source>Join the first room offered</source>
        <translation>Dem ersten angebotenen Raum beitreten</translation>
    </message>
    <message>
        <source>Double-click, Enter (Join dialog)</source>
        <translation>Doppelklick, Eingabe (Beitrittsdialog)</translation>
    </message>
    <message>
        <source>Join the selected room</source>
        <translation>Dem ausgewählten Raum beitreten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Funktion</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Looking for rooms</source>
        <translation>Suche nach Räumen</translation>
    </message>
    <message>
        <source>&amp;Host my own room</source>
        <translation>&amp;Eigenen Raum eröffnen</translation>
    </message>
    <message>
        <source>Join %1’s room (1 person)</source>
        <extracomment>%1 is the room&apos;s name; hosted rooms are named after the person who hosts them</extracomment>
        <translation>Raum von %1 beitreten (1 Person)</translation>
    </message>
    <message>
        <source>Join %1’s room (%2 people)</source>
        <translation>Raum von %1 beitreten (%2 Personen)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message>
        <source>Rooms on your network</source>
        <translation>Räume in deinem Netzwerk</translation>
    </message>
    <message>
        <source>Press Enter to join the first one.</source>
        <translation>Drücke die Eingabetaste, um dem ersten beizutreten.</translation>
    </message>
    <message>
        <source>Looking for rooms on your network…</source>
        <translation>Suche nach Räumen in deinem Netzwerk …</translation>
    </message>
    <message>
        <source>If there is none, LAN Chat hosts a room for you.</source>
        <translation>Gibt es keinen, eröffnet LAN-Chat einen Raum für dich.</translation>
    </message>
    <message>
        <source>No rooms heard on your network</source>
        <translation>Keine Räume in deinem Netzwerk gefunden</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <source>Transfers</source>
        <translation>Übertragungen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Hide the transfers (they go on)</source>
        <translation>Übertragungen ausblenden (sie laufen weiter)</translation>
    </message>
    <message>
        <source>This room does not take files.</source>
        <translation>Dieser Raum nimmt keine Dateien an.</translation>
    </message>
    <message>
        <source>The file is larger than this room takes (at most %1).</source>
        <translation>Die Datei ist größer, als dieser Raum annimmt (höchstens %1).</translation>
    </message>
    <message>
        <source>The file is larger than this room takes.</source>
        <translation>Die Datei ist größer, als dieser Raum annimmt.</translation>
    </message>
    <message>
        <source>This room does not take files of this type.</source>
        <translation>Dieser Raum nimmt keine Dateien dieses Typs an.</translation>
    </message>
    <message>
        <source>The room&apos;s space for files is full.</source>
        <translation>Der Platz des Raums für Dateien ist voll.</translation>
    </message>
    <message>
        <source>The host&apos;s disk is too full for this file.</source>
        <translation>Die Festplatte des Gastgebers ist zu voll für diese Datei.</translation>
    </message>
    <message>
        <source>That person is no longer in the room.</source>
        <translation>Diese Person ist nicht mehr im Raum.</translation>
    </message>
    <message>
        <source>The file arrived damaged (its SHA-256 does not match).</source>
        <translation>Die Datei ist beschädigt angekommen (ihr SHA-256 stimmt nicht überein).</translation>
    </message>
    <message>
        <source>The room no longer has this upload; send the file again.</source>
        <translation>Der Raum hat diesen Upload nicht mehr; sende die Datei noch einmal.</translation>
    </message>
    <message>
        <source>The room did not understand the request.</source>
        <translation>Der Raum hat die Anfrage nicht verstanden.</translation>
    </message>
    <message>
        <source>The room answered with error %1.</source>
        <translation>Der Raum hat mit Fehler %1 geantwortet.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>Sending %1</source>
        <translation>%1 wird gesendet</translation>
    </message>
    <message>
        <source>Sending %1 to %2</source>
        <translation>%1 wird an %2 gesendet</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird vorbereitet …</translation>
    </message>
    <message>
        <source>Waiting for the room…</source>
        <translation>Warte auf den Raum …</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Connection lost — resuming…</source>
        <translation>Verbindung verloren – wird fortgesetzt …</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Saving %1</source>
        <translation>%1 wird gespeichert</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Saved, SHA-256 checked</source>
        <translation>Gespeichert, SHA-256 geprüft</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
</TS>
