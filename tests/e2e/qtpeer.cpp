// qtpeer: a tiny Qt console client of a LAN Chat room, used by the browser end-to-end tests.
//
//   qtpeer ws://127.0.0.1:PORT/ws NAME
//
// Joins as NAME and prints one line per event on stdout (a newline inside a text is printed as
// the two characters "\n"):
//   WELCOME <you>             after the welcome (then the history, as CHAT lines)
//   CHAT <from>: <text>       every chat message received, own echoes included
//   JOINED <name> / LEFT <name> / RENAMED <from> <to> / ERROR <code>
//   CLOSED <code>             the hub closed the connection (then the process exits 1)
// Every stdin line is sent as a chat message. End of stdin closes the connection and exits 0.

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include "protocol.h"

#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPeer, "lanchat.tests.qtpeer")

namespace {

QString oneLine(QString text)
{
    return text.replace(u'\n', u"\\n"_s);
}

class Peer final : public QObject
{
public:
    Peer(const QUrl &url, const QString &name)
        : m_name(name)
    {
        connect(&m_socket, &QWebSocket::connected, this,
                [this] { m_socket.sendTextMessage(Protocol::encodeText(Protocol::join(m_name))); });
        connect(&m_socket, &QWebSocket::textMessageReceived, this, &Peer::onFrame);
        connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            if (m_leaving) {
                QCoreApplication::exit(0);
                return;
            }
            print(u"CLOSED %1"_s.arg(int(m_socket.closeCode())));
            QCoreApplication::exit(1);
        });
        m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
        connect(m_stdin, &QSocketNotifier::activated, this, &Peer::readStdin);
        m_socket.open(url);
    }

private:
    void print(const QString &line)
    {
        m_out << line << Qt::endl; // endl flushes: the tests read line by line
    }

    void onFrame(const QString &frame)
    {
        Protocol::DecodeError error = Protocol::DecodeError::None;
        const std::optional<Protocol::Message> message = Protocol::decode(frame, &error);
        if (!message) {
            qCWarning(lcPeer) << "undecodable frame" << int(error) << frame;
            return;
        }
        switch (message->type) {
        case Protocol::Type::Welcome:
            m_joined = true;
            print(u"WELCOME "_s + message->you);
            for (const Protocol::Message &chat : message->history)
                printChat(chat);
            for (const QString &text : std::as_const(m_queue))
                sendChat(text);
            m_queue.clear();
            break;
        case Protocol::Type::Chat:
            printChat(*message);
            break;
        case Protocol::Type::Joined:
            print(u"JOINED "_s + message->name);
            break;
        case Protocol::Type::Left:
            print(u"LEFT "_s + message->name);
            break;
        case Protocol::Type::Renamed:
            print(u"RENAMED %1 %2"_s.arg(message->from, message->to));
            break;
        case Protocol::Type::Error:
            print(u"ERROR "_s + message->code);
            break;
        default:
            break;
        }
    }

    void printChat(const Protocol::Message &chat)
    {
        print(u"CHAT %1: %2"_s.arg(chat.from, oneLine(chat.text)));
    }

    void sendChat(const QString &text)
    {
        m_socket.sendTextMessage(Protocol::encodeText(Protocol::chat(text)));
    }

    void readStdin()
    {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            m_stdin->setEnabled(false);
            m_leaving = true;
            if (m_socket.state() == QAbstractSocket::UnconnectedState) {
                QCoreApplication::exit(0);
                return;
            }
            m_socket.close(QWebSocketProtocol::CloseCodeNormal);
            // Do not hang if the hub never answers the close.
            QTimer::singleShot(3000, this, [] { QCoreApplication::exit(0); });
            return;
        }
        m_pending.append(buffer, n);
        qsizetype newline;
        while ((newline = m_pending.indexOf('\n')) >= 0) {
            QString line = QString::fromUtf8(m_pending.left(newline));
            m_pending.remove(0, newline + 1);
            if (line.endsWith(u'\r'))
                line.chop(1);
            if (line.isEmpty())
                continue;
            if (m_joined)
                sendChat(line);
            else
                m_queue.append(line);
        }
    }

    QWebSocket m_socket;
    QSocketNotifier *m_stdin = nullptr; // child
    QTextStream m_out{stdout};
    QString m_name;
    QByteArray m_pending;
    QStringList m_queue; // stdin lines typed before the welcome
    bool m_joined = false;
    bool m_leaving = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        QTextStream(stderr) << "usage: qtpeer ws://HOST:PORT/ws NAME" << Qt::endl;
        return 2;
    }
    const QUrl url(args.at(1));
    if (!url.isValid()) {
        QTextStream(stderr) << "qtpeer: not a URL: " << args.at(1) << Qt::endl;
        return 2;
    }
    Peer peer(url, args.at(2));
    return app.exec();
}
