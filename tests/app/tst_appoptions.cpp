#include <QHostInfo>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "appoptions.h"
#include "startup.h"

using namespace Qt::StringLiterals;

// The lanchat command line: every option, its default, its accepted and refused values.
class TestAppOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults_data();
    void defaults();
    void goodValue_data();
    void goodValue();
    void badValueIsOneLineNamingTheOptionAndExitsWithTwo_data();
    void badValueIsOneLineNamingTheOptionAndExitsWithTwo();
    void headlessRoomDefaultsToTheComputersName();
    void allowOriginRepeats();
    void passcodeFileGivesItsFirstLineTrimmed();
    void helpListsEveryOptionWithDefaultsAndNoPath();
    void versionNamesAppAndQt();
    void windowOnlyWhenNeeded_data();
    void windowOnlyWhenNeeded();

private:
    static QVariant field(const AppOptions &options, const QString &name);
};

// One field of the options, by the name of the option that sets it.
QVariant TestAppOptions::field(const AppOptions &o, const QString &name)
{
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    static const QHash<QString, std::function<QVariant(const AppOptions &)>> fields = {
            {u"mode"_s, [](const AppOptions &a) { return QVariant(int(a.mode)); }},
            {u"port"_s, [](const AppOptions &a) { return QVariant(int(a.hub.port)); }},
            {u"portGiven"_s, [](const AppOptions &a) { return QVariant(a.portGiven); }},
            {u"bind"_s, [](const AppOptions &a) { return QVariant(a.hub.bindAddress.toString()); }},
            {u"room"_s, [](const AppOptions &a) { return QVariant(a.hub.room); }},
            {u"roomGiven"_s, [](const AppOptions &a) { return QVariant(a.roomGiven); }},
            {u"nick"_s, [](const AppOptions &a) { return QVariant(a.nick); }},
            {u"join"_s, [](const AppOptions &a) { return QVariant(a.join.toString()); }},
            {u"host"_s, [](const AppOptions &a) { return QVariant(a.host); }},
            {u"data-dir"_s, [](const AppOptions &a) { return QVariant(a.hub.dataDir); }},
            {u"ephemeral"_s, [](const AppOptions &a) { return QVariant(a.ephemeral); }},
            {u"keep-days"_s, [](const AppOptions &a) { return QVariant(a.hub.keepDays); }},
            {u"keep-messages"_s, [](const AppOptions &a) { return QVariant(a.hub.keepMessages); }},
            {u"no-files"_s, [](const AppOptions &a) { return QVariant(!a.hub.filesEnabled); }},
            {u"max-file-mib"_s,
             [](const AppOptions &a) { return QVariant(a.hub.maxFileBytes / (1024 * 1024)); }},
            {u"files-quota-gib"_s,
             [](const AppOptions &a) {
                 return QVariant(a.hub.filesQuotaBytes / (qint64(1024) * 1024 * 1024));
             }},
            {u"file-types"_s,
             [](const AppOptions &a) { return QVariant(a.hub.fileTypes.join(u',')); }},
            {u"max-clients"_s, [](const AppOptions &a) { return QVariant(a.hub.maxClients); }},
            {u"rate-limit"_s, [](const AppOptions &a) { return QVariant(a.hub.rateLimit); }},
            {u"rate-burst"_s, [](const AppOptions &a) { return QVariant(a.hub.rateBurst); }},
            {u"max-pending-kib"_s,
             [](const AppOptions &a) { return QVariant(a.hub.maxPendingBytes / 1024); }},
            {u"history"_s, [](const AppOptions &a) { return QVariant(a.hub.historySize); }},
            {u"ping-interval"_s,
             [](const AppOptions &a) {
                 return QVariant(qint64(duration_cast<seconds>(a.hub.pingInterval).count()));
             }},
            {u"idle-timeout"_s,
             [](const AppOptions &a) {
                 return QVariant(qint64(duration_cast<seconds>(a.hub.idleTimeout).count()));
             }},
            {u"allow-origin"_s,
             [](const AppOptions &a) { return QVariant(a.hub.allowedOrigins.join(u' ')); }},
            {u"allow-host"_s,
             [](const AppOptions &a) { return QVariant(a.hub.allowedHosts.join(u' ')); }},
            {u"announce"_s, [](const AppOptions &a) { return QVariant(a.announce); }},
            {u"qr"_s, [](const AppOptions &a) { return QVariant(a.qr); }},
            {u"passcode"_s, [](const AppOptions &a) { return QVariant(a.hub.passcode); }},
            {u"timeout"_s,
             [](const AppOptions &a) { return QVariant(a.discoverTimeoutMs / 1000); }},
    };
    const auto it = fields.constFind(name);
    return it == fields.constEnd() ? QVariant() : (*it)(o);
}

void TestAppOptions::defaults_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");
    QTest::addRow("mode") << u"mode"_s << QVariant(int(AppOptions::Mode::Gui));
    QTest::addRow("port") << u"port"_s << QVariant(8765);
    QTest::addRow("portGiven") << u"portGiven"_s << QVariant(false);
    QTest::addRow("bind") << u"bind"_s << QVariant(QHostAddress(QHostAddress::Any).toString());
    QTest::addRow("roomGiven") << u"roomGiven"_s << QVariant(false);
    QTest::addRow("nick") << u"nick"_s << QVariant(QString());
    QTest::addRow("join") << u"join"_s << QVariant(QString());
    QTest::addRow("host") << u"host"_s << QVariant(false);
    QTest::addRow("max-clients") << u"max-clients"_s << QVariant(10000);
    QTest::addRow("rate-limit") << u"rate-limit"_s << QVariant(20.0);
    QTest::addRow("rate-burst") << u"rate-burst"_s << QVariant(40);
    QTest::addRow("max-pending-kib") << u"max-pending-kib"_s << QVariant(qint64(4096));
    QTest::addRow("history") << u"history"_s << QVariant(200);
    QTest::addRow("data-dir") << u"data-dir"_s
                              << QVariant(QStandardPaths::writableLocation(
                                         QStandardPaths::AppDataLocation));
    QTest::addRow("ephemeral") << u"ephemeral"_s << QVariant(false);
    QTest::addRow("keep-days") << u"keep-days"_s << QVariant(365);
    QTest::addRow("keep-messages") << u"keep-messages"_s << QVariant(qint64(1000000));
    QTest::addRow("no-files") << u"no-files"_s << QVariant(false);
    QTest::addRow("max-file-mib") << u"max-file-mib"_s << QVariant(qint64(2048));
    QTest::addRow("files-quota-gib") << u"files-quota-gib"_s << QVariant(qint64(20));
    QTest::addRow("file-types") << u"file-types"_s << QVariant(QString());
    QTest::addRow("ping-interval") << u"ping-interval"_s << QVariant(qint64(30));
    QTest::addRow("idle-timeout") << u"idle-timeout"_s << QVariant(qint64(60));
    QTest::addRow("allow-origin") << u"allow-origin"_s << QVariant(QString());
    QTest::addRow("allow-host") << u"allow-host"_s << QVariant(QString());
    QTest::addRow("announce") << u"announce"_s << QVariant(true);
    QTest::addRow("qr") << u"qr"_s << QVariant(false);
    QTest::addRow("timeout") << u"timeout"_s << QVariant(3);
}

void TestAppOptions::defaults()
{
    QFETCH(QString, field);
    QFETCH(QVariant, expected);
    const ParsedCommandLine parsed = parseOptions({u"lanchat"_s});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.exitCode, 0);
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(this->field(*parsed.options, field), expected);
}

void TestAppOptions::goodValue_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("expected");
    const auto row
            = [](const char *name, const QStringList &args, const QString &field,
                 const QVariant &expected) { QTest::newRow(name) << args << field << expected; };
    row("headless", {u"--headless"_s}, u"mode"_s, int(AppOptions::Mode::Headless));
    row("discover", {u"--discover"_s}, u"mode"_s, int(AppOptions::Mode::Discover));
    row("port", {u"--port"_s, u"9000"_s}, u"port"_s, 9000);
    row("port given", {u"--port"_s, u"9000"_s}, u"portGiven"_s, true);
    row("port 0", {u"--port"_s, u"0"_s}, u"port"_s, 0);
    row("port 65535", {u"--port=65535"_s}, u"port"_s, 65535);
    row("port last wins", {u"--port"_s, u"1"_s, u"--port"_s, u"2"_s}, u"port"_s, 2);
    row("bind ipv4", {u"--bind"_s, u"127.0.0.1"_s}, u"bind"_s, u"127.0.0.1"_s);
    row("bind ipv6", {u"--bind"_s, u"::1"_s}, u"bind"_s, u"::1"_s);
    row("room", {u"--room"_s, u"  Kitchen  "_s}, u"room"_s, u"Kitchen"_s);
    row("room given", {u"--room"_s, u"Kitchen"_s}, u"roomGiven"_s, true);
    row("room 64", {u"--room"_s, QString(64, u'r')}, u"room"_s, QString(64, u'r'));
    row("nick", {u"--nick"_s, u" ann "_s}, u"nick"_s, u"ann"_s);
    row("join ws", {u"--join"_s, u"ws://10.0.0.2:8765/ws"_s}, u"join"_s,
        u"ws://10.0.0.2:8765/ws"_s);
    row("join host:port", {u"--join"_s, u"10.0.0.2:9000"_s}, u"join"_s, u"ws://10.0.0.2:9000/ws"_s);
    row("host", {u"--host"_s}, u"host"_s, true);
    row("max-clients", {u"--max-clients"_s, u"5"_s}, u"max-clients"_s, 5);
    row("rate-limit off", {u"--rate-limit"_s, u"0"_s}, u"rate-limit"_s, 0.0);
    row("rate-burst", {u"--rate-burst"_s, u"7"_s}, u"rate-burst"_s, 7);
    row("max-pending-kib", {u"--max-pending-kib"_s, u"64"_s}, u"max-pending-kib"_s, qint64(64));
    row("history 0", {u"--history"_s, u"0"_s}, u"history"_s, 0);
    row("data-dir", {u"--data-dir"_s, u"/srv/lanchat"_s}, u"data-dir"_s, u"/srv/lanchat"_s);
    row("data-dir relative", {u"--data-dir"_s, u"rooms"_s}, u"data-dir"_s,
        QDir(u"rooms"_s).absolutePath());
    row("ephemeral", {u"--ephemeral"_s}, u"ephemeral"_s, true);
    row("ephemeral keeps no folder", {u"--ephemeral"_s}, u"data-dir"_s, QString());
    row("keep-days 0", {u"--keep-days"_s, u"0"_s}, u"keep-days"_s, 0);
    row("keep-messages", {u"--keep-messages"_s, u"500"_s}, u"keep-messages"_s, qint64(500));
    row("no-files", {u"--no-files"_s}, u"no-files"_s, true);
    row("max-file-mib", {u"--max-file-mib"_s, u"10"_s}, u"max-file-mib"_s, qint64(10));
    row("files-quota-gib 0", {u"--files-quota-gib"_s, u"0"_s}, u"files-quota-gib"_s, qint64(0));
    row("file-types", {u"--file-types"_s, u"Image/*, application/pdf,.ZIP"_s}, u"file-types"_s,
        u"image/*,application/pdf,.zip"_s);
    row("ping-interval", {u"--ping-interval"_s, u"5"_s}, u"ping-interval"_s, qint64(5));
    row("idle-timeout", {u"--idle-timeout"_s, u"7200"_s}, u"idle-timeout"_s, qint64(7200));
    row("allow-origin", {u"--allow-origin"_s, u"https://chat.example"_s}, u"allow-origin"_s,
        u"https://chat.example"_s);
    row("allow-host", {u"--allow-host"_s, u"chat.example"_s}, u"allow-host"_s, u"chat.example"_s);
    row("allow-host twice", {u"--allow-host"_s, u"a.example"_s, u"--allow-host"_s, u"b"_s},
        u"allow-host"_s, u"a.example b"_s);
    row("no-announce", {u"--no-announce"_s}, u"announce"_s, false);
    row("qr", {u"--headless"_s, u"--qr"_s}, u"qr"_s, true);
    row("timeout", {u"--discover"_s, u"--timeout"_s, u"10"_s}, u"timeout"_s, 10);
    row("passcode", {u"--passcode"_s, u" tulip-42 "_s}, u"passcode"_s, u"tulip-42"_s);
    row("no passcode", {}, u"passcode"_s, QString());
}

void TestAppOptions::goodValue()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QVariant, expected);
    const ParsedCommandLine parsed = parseOptions(QStringList{u"lanchat"_s} + arguments);
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.exitCode, 0);
    QCOMPARE(this->field(*parsed.options, field), expected);
}

void TestAppOptions::badValueIsOneLineNamingTheOptionAndExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named"); // what the error must mention
    const auto row = [](const char *name, const QStringList &args, const QString &named) {
        QTest::newRow(name) << args << named;
    };
    row("unknown option", {u"--colour"_s}, u"colour"_s);
    row("missing value", {u"--port"_s}, u"port"_s);
    row("positional", {u"extra"_s}, u"extra"_s);
    row("headless and discover", {u"--headless"_s, u"--discover"_s}, u"--discover"_s);
    row("port word", {u"--port"_s, u"http"_s}, u"--port"_s);
    row("port negative", {u"--port"_s, u"-1"_s}, u"--port"_s);
    row("port too big", {u"--port"_s, u"65536"_s}, u"--port"_s);
    row("port empty", {u"--port="_s}, u"--port"_s);
    row("port fraction", {u"--port"_s, u"80.5"_s}, u"--port"_s);
    row("bind name", {u"--bind"_s, u"example.org"_s}, u"--bind"_s);
    row("bind empty", {u"--bind="_s}, u"--bind"_s);
    row("room blank", {u"--room"_s, u"   "_s}, u"--room"_s);
    row("room 65", {u"--room"_s, QString(65, u'r')}, u"--room"_s);
    row("nick too long", {u"--nick"_s, QString(Protocol::MaxNameLength + 1, u'n')}, u"--nick"_s);
    row("join nothing", {u"--join"_s, u""_s}, u"--join"_s);
    row("join ftp", {u"--join"_s, u"ftp://host/"_s}, u"--join"_s);
    row("host and join", {u"--host"_s, u"--join"_s, u"10.0.0.2"_s}, u"--host"_s);
    row("max-clients 0", {u"--max-clients"_s, u"0"_s}, u"--max-clients"_s);
    row("max-clients huge", {u"--max-clients"_s, u"1000001"_s}, u"--max-clients"_s);
    row("rate-limit negative", {u"--rate-limit"_s, u"-1"_s}, u"--rate-limit"_s);
    row("rate-limit word", {u"--rate-limit"_s, u"fast"_s}, u"--rate-limit"_s);
    row("rate-burst 0", {u"--rate-burst"_s, u"0"_s}, u"--rate-burst"_s);
    row("max-pending-kib 63", {u"--max-pending-kib"_s, u"63"_s}, u"--max-pending-kib"_s);
    row("max-pending-kib huge", {u"--max-pending-kib"_s, u"1048577"_s}, u"--max-pending-kib"_s);
    row("history negative", {u"--history"_s, u"-5"_s}, u"--history"_s);
    row("history huge", {u"--history"_s, u"100001"_s}, u"--history"_s);
    row("data-dir empty", {u"--data-dir="_s}, u"--data-dir"_s);
    row("ephemeral and data-dir", {u"--ephemeral"_s, u"--data-dir"_s, u"/tmp"_s}, u"--ephemeral"_s);
    row("keep-days negative", {u"--keep-days"_s, u"-1"_s}, u"--keep-days"_s);
    row("keep-days word", {u"--keep-days"_s, u"week"_s}, u"--keep-days"_s);
    row("keep-messages negative", {u"--keep-messages"_s, u"-1"_s}, u"--keep-messages"_s);
    row("max-file-mib 0", {u"--max-file-mib"_s, u"0"_s}, u"--max-file-mib"_s);
    row("files-quota-gib negative", {u"--files-quota-gib"_s, u"-1"_s}, u"--files-quota-gib"_s);
    row("file-types not a type", {u"--file-types"_s, u"image/*,pdf"_s}, u"--file-types"_s);
    row("file-types empty", {u"--file-types="_s}, u"--file-types"_s);
    row("ping-interval 0", {u"--ping-interval"_s, u"0"_s}, u"--ping-interval"_s);
    row("ping-interval huge", {u"--ping-interval"_s, u"3601"_s}, u"--ping-interval"_s);
    row("idle-timeout 1", {u"--idle-timeout"_s, u"1"_s}, u"--idle-timeout"_s);
    row("idle-timeout huge", {u"--idle-timeout"_s, u"7201"_s}, u"--idle-timeout"_s);
    row("allow-origin path", {u"--allow-origin"_s, u"http://a.example/page"_s},
        u"--allow-origin"_s);
    row("allow-origin scheme", {u"--allow-origin"_s, u"ftp://a.example"_s}, u"--allow-origin"_s);
    row("allow-origin bare", {u"--allow-origin"_s, u"a.example"_s}, u"--allow-origin"_s);
    row("allow-origin userinfo", {u"--allow-origin"_s, u"http://u@a.example"_s},
        u"--allow-origin"_s);
    row("allow-host url", {u"--allow-host"_s, u"http://chat.example"_s}, u"--allow-host"_s);
    row("allow-host port", {u"--allow-host"_s, u"chat.example:80"_s}, u"--allow-host"_s);
    row("allow-host empty", {u"--allow-host="_s}, u"--allow-host"_s);
    row("timeout 0", {u"--discover"_s, u"--timeout"_s, u"0"_s}, u"--timeout"_s);
    row("timeout huge", {u"--discover"_s, u"--timeout"_s, u"601"_s}, u"--timeout"_s);
    row("value with a newline", {u"--port"_s, u"80\n81"_s}, u"--port"_s);
    row("passcode blank", {u"--passcode"_s, u"  "_s}, u"--passcode"_s);
    row("passcode control", {u"--passcode"_s, u"a\tb"_s}, u"--passcode"_s);
    row("passcode too long", {u"--passcode"_s, QString(257, u'p')}, u"--passcode"_s);
    row("passcode-file missing", {u"--passcode-file"_s, u"/nonexistent/lanchat-code"_s},
        u"--passcode-file"_s);
    row("passcode-file a folder", {u"--passcode-file"_s, u"/"_s}, u"--passcode-file"_s);
    row("passcode-file empty name", {u"--passcode-file="_s}, u"--passcode-file"_s);
}

void TestAppOptions::badValueIsOneLineNamingTheOptionAndExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const ParsedCommandLine parsed = parseOptions(QStringList{u"lanchat"_s} + arguments);
    QVERIFY(!parsed.options);
    QCOMPARE(parsed.exitCode, 2);
    QCOMPARE(ParsedCommandLine::UsageError, 2);
    QVERIFY(parsed.output.isEmpty());
    QVERIFY2(parsed.error.startsWith(u"lanchat: "_s), qPrintable(parsed.error));
    QVERIFY2(parsed.error.contains(named), qPrintable(parsed.error));
    QVERIFY2(!parsed.error.contains(u'\n') && !parsed.error.contains(u'\r'),
             qPrintable(parsed.error));
}

void TestAppOptions::headlessRoomDefaultsToTheComputersName()
{
    const ParsedCommandLine parsed = parseOptions({u"lanchat"_s, u"--headless"_s});
    QVERIFY(parsed.options);
    QVERIFY(!parsed.options->roomGiven);
    const QString host = QHostInfo::localHostName();
    QCOMPARE(parsed.options->hub.room, host.isEmpty() ? u"Lobby"_s : host.left(64));
}

void TestAppOptions::allowOriginRepeats()
{
    const ParsedCommandLine parsed
            = parseOptions({u"lanchat"_s, u"--allow-origin"_s, u"http://a.example:8765"_s,
                            u"--allow-origin"_s, u"https://b.example/"_s});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.options->hub.allowedOrigins,
             QStringList({u"http://a.example:8765"_s, u"https://b.example/"_s}));
}

void TestAppOptions::passcodeFileGivesItsFirstLineTrimmed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"code"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("  tulip-42 \nsecond line\n");
    file.close();
    const ParsedCommandLine parsed = parseOptions({u"lanchat"_s, u"--passcode-file"_s, path});
    QVERIFY2(parsed.options, qPrintable(parsed.error));
    QCOMPARE(parsed.options->hub.passcode, u"tulip-42"_s);

    const ParsedCommandLine both
            = parseOptions({u"lanchat"_s, u"--passcode"_s, u"x"_s, u"--passcode-file"_s, path});
    QVERIFY(!both.options);
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.error.contains(u"--passcode-file"_s), qPrintable(both.error));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("\n");
    file.close();
    const ParsedCommandLine blank = parseOptions({u"lanchat"_s, u"--passcode-file"_s, path});
    QVERIFY(!blank.options);
    QCOMPARE(blank.exitCode, 2);
}

void TestAppOptions::helpListsEveryOptionWithDefaultsAndNoPath()
{
    const ParsedCommandLine parsed
            = parseOptions({u"/home/someone/build/app/lanchat"_s, u"--help"_s});
    QVERIFY(!parsed.options);
    QCOMPARE(parsed.exitCode, 0);
    QVERIFY(parsed.error.isEmpty());
    const QString &help = parsed.output;
    QVERIFY2(help.startsWith(u"Usage: lanchat [options]\n"_s), qPrintable(help));
    QVERIFY2(!help.contains(u"/home/someone"_s), qPrintable(help));
    for (const QString &option : {u"--headless"_s,
                                  u"--port <port>"_s,
                                  u"--bind"_s,
                                  u"--room"_s,
                                  u"--nick"_s,
                                  u"--join"_s,
                                  u"--host"_s,
                                  u"--passcode <code>"_s,
                                  u"--passcode-file <file>"_s,
                                  u"--max-clients"_s,
                                  u"--rate-limit"_s,
                                  u"--rate-burst"_s,
                                  u"--max-pending-kib"_s,
                                  u"--history"_s,
                                  u"--data-dir"_s,
                                  u"--ephemeral"_s,
                                  u"--keep-days"_s,
                                  u"--keep-messages"_s,
                                  u"--no-files"_s,
                                  u"--max-file-mib"_s,
                                  u"--files-quota-gib"_s,
                                  u"--file-types"_s,
                                  u"--ping-interval"_s,
                                  u"--idle-timeout"_s,
                                  u"--allow-origin"_s,
                                  u"--allow-host"_s,
                                  u"--no-announce"_s,
                                  u"--discover"_s,
                                  u"--timeout"_s,
                                  u"--qr"_s,
                                  u"--version"_s})
        QVERIFY2(help.contains(option), qPrintable(option));
    for (const QString &fromDefaults :
         {u"(default 8765;"_s, u"(default 10000)"_s, u"(default 20;"_s, u"(default 40)"_s,
          u"(default 4096)"_s, u"(default 200)"_s, u"(default 30)"_s, u"(default 60)"_s,
          u"(default 3)"_s})
        QVERIFY2(help.simplified().contains(fromDefaults), qPrintable(fromDefaults));
    QVERIFY2(!help.contains(u"%1"_s), qPrintable(help));
}

void TestAppOptions::versionNamesAppAndQt()
{
    const ParsedCommandLine parsed = parseOptions({u"lanchat"_s, u"--version"_s});
    QVERIFY(!parsed.options);
    QCOMPARE(parsed.exitCode, 0);
    QCOMPARE(parsed.output,
             u"lanchat %1 (Qt %2)\n"_s.arg(QStringLiteral(LANCHAT_VERSION),
                                           QString::fromLatin1(qVersion())));
    QVERIFY(!QStringLiteral(LANCHAT_VERSION).isEmpty());
}

void TestAppOptions::windowOnlyWhenNeeded_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("window");
    QTest::addRow("nothing") << QStringList() << true;
    QTest::addRow("join") << QStringList{u"--join"_s, u"h:1"_s} << true;
    QTest::addRow("headless") << QStringList{u"--headless"_s} << false;
    QTest::addRow("discover") << QStringList{u"--discover"_s} << false;
    QTest::addRow("help") << QStringList{u"--help"_s} << false;
    QTest::addRow("-h") << QStringList{u"-h"_s} << false;
    QTest::addRow("version") << QStringList{u"--version"_s} << false;
}

void TestAppOptions::windowOnlyWhenNeeded()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, window);
    QCOMPARE(Startup::wantsWindow(QStringList{u"lanchat"_s} + arguments), window);
}

QTEST_GUILESS_MAIN(TestAppOptions)
#include "tst_appoptions.moc"
