<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <translation>Raum &amp;beenden …</translation>
    </message>
    <message>
        <source>&amp;Rename Yourself</source>
        <translation>Namen ä&amp;ndern</translation>
    </message>
    <message>
        <source>&amp;Write a Message</source>
        <translation>Nachricht &amp;schreiben</translation>
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
</context>
<context>
    <name>Cli</name>
    <message>
        <source>lanchat: --%1 takes a number from %2 to %3, not &quot;%4&quot;</source>
        <translation>lanchat: --%1 erwartet eine Zahl von %2 bis %3, nicht &quot;%4&quot;</translation>
    </message>
    <message>
        <source>Chat rooms on the local network. Started without options, LAN Chat hosts a room and opens its window; anyone on the LAN can join from the app or a browser.</source>
        <translation>Chaträume im lokalen Netzwerk. Ohne Optionen gestartet, eröffnet LAN Chat einen Raum und öffnet sein Fenster; alle im LAN können aus der App oder einem Browser beitreten.</translation>
    </message>
    <message>
        <source>Host a room without a window.</source>
        <translation>Einen Raum ohne Fenster eröffnen.</translation>
    </message>
    <message>
        <source>TCP port for the page and the chat (default 8765; 0: any free port).</source>
        <translation>TCP-Port für die Seite und den Chat (Standard 8765; 0: ein beliebiger freier Port).</translation>
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
        <source>Name of the hosted room.</source>
        <translation>Name des eröffneten Raums.</translation>
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
        <source>Most connections at once (default 10000).</source>
        <translation>Höchstzahl gleichzeitiger Verbindungen (Standard 10000).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Messages per second one client may send, sustained (default 20; 0 turns the limit off).</source>
        <translation>Nachrichten pro Sekunde, die ein Client dauerhaft senden darf (Standard 20; 0 schaltet die Begrenzung ab).</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Messages one client may send in a burst (default 40).</source>
        <translation>Nachrichten, die ein Client kurz hintereinander senden darf (Standard 40).</translation>
    </message>
    <message>
        <source>Unsent KiB a client may fall behind before it is dropped (default 4096).</source>
        <translation>Ungesendete KiB, um die ein Client zurückliegen darf, bevor er getrennt wird (Standard 4096).</translation>
    </message>
    <message>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <source>Chat messages kept for late joiners (default 200).</source>
        <translation>Chatnachrichten, die für später Beitretende aufbewahrt werden (Standard 200).</translation>
    </message>
    <message>
        <source>Seconds between keepalive pings (default 30).</source>
        <translation>Sekunden zwischen Keepalive-Pings (Standard 30).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Seconds of silence before a client is dropped (default 60).</source>
        <translation>Sekunden ohne Lebenszeichen, bevor ein Client getrennt wird (Standard 60).</translation>
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
        <source>With --discover: seconds to listen (default 3).</source>
        <translation>Mit --discover: so viele Sekunden lang lauschen (Standard 3).</translation>
    </message>
    <message>
        <source>With --headless: print a QR code of the address.</source>
        <translation>Mit --headless: einen QR-Code der Adresse ausgeben.</translation>
    </message>
    <message>
        <source>Try &apos;lanchat --help&apos;.</source>
        <translation>&apos;lanchat --help&apos; liefert weitere Informationen.</translation>
    </message>
    <message>
        <source>lanchat: unexpected argument &quot;%1&quot;</source>
        <translation>lanchat: Unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>lanchat: --headless and --discover do not go together</source>
        <translation>lanchat: --headless und --discover lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>lanchat: --bind needs an IP address, not &quot;%1&quot;</source>
        <translation>lanchat: --bind erwartet eine IP-Adresse, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>lanchat: the room name must be 1 to 64 characters</source>
        <translation>lanchat: Der Raumname muss 1 bis 64 Zeichen lang sein</translation>
    </message>
    <message>
        <source>lanchat: cannot join &quot;%1&quot;: not a room address</source>
        <translation>lanchat: Beitritt zu &quot;%1&quot; nicht möglich: keine Raumadresse</translation>
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
    <name>GuiApp</name>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
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
        <translation>&amp;Personen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>People in the room: %n</source>
        <translation>
            <numerusform>Personen im Raum: %n</numerusform>
            <numerusform>Personen im Raum: %n</numerusform>
        </translation>
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
</context>
</TS>
