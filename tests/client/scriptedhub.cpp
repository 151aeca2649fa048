#include "scriptedhub.h"

#include <QCryptographicHash>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

ScriptedHub::ScriptedHub(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            const int index = int(m_connections.size());
            m_connections.append({socket, {}, false, {}});
            connect(socket, &QTcpSocket::readyRead, this, [this, index] { onReadyRead(index); });
        }
    });
}

bool ScriptedHub::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ScriptedHub::sendText(int connection, const QString &text)
{
    const QByteArray payload = text.toUtf8();
    QByteArray frame;
    frame.append(char(0x81));
    if (payload.size() < 126) {
        frame.append(char(payload.size()));
    } else {
        Q_ASSERT(payload.size() < 65536);
        frame.append(char(126));
        frame.append(char((payload.size() >> 8) & 0xff));
        frame.append(char(payload.size() & 0xff));
    }
    frame.append(payload);
    m_connections[connection].socket->write(frame);
}

void ScriptedHub::cut(int connection)
{
    m_connections[connection].socket->abort();
}

void ScriptedHub::onReadyRead(int index)
{
    Connection &c = m_connections[index];
    c.buffer += c.socket->readAll();
    if (!c.upgraded) {
        const qsizetype end = c.buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        QByteArray key;
        for (const QByteArray &line : c.buffer.left(end).split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        }
        c.buffer.remove(0, end + 4);
        const QByteArray accept
                = QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                           QCryptographicHash::Sha1)
                          .toBase64();
        c.socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                        + accept + QByteArray("\r\n\r\n"));
        c.upgraded = true;
        Q_EMIT upgraded(index);
    }
    parseFrames(index);
}

void ScriptedHub::parseFrames(int index)
{
    for (;;) {
        Connection &c = m_connections[index];
        const QByteArray &b = c.buffer;
        if (b.size() < 2)
            return;
        const int opcode = b.at(0) & 0x0f;
        qint64 length = b.at(1) & 0x7f;
        qsizetype at = 2;
        if (length == 126) {
            if (b.size() < 4)
                return;
            length = (quint8(b.at(2)) << 8) | quint8(b.at(3));
            at = 4;
        } else if (length == 127) {
            return; // never sent by our client in these tests
        }
        const bool masked = b.at(1) & 0x80;
        if (b.size() < at + (masked ? 4 : 0) + length)
            return;
        QByteArray mask = masked ? b.mid(at, 4) : QByteArray(4, 0);
        at += masked ? 4 : 0;
        QByteArray payload = b.mid(at, length);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(payload.at(i) ^ mask.at(i % 4));
        c.buffer.remove(0, at + length);
        if (opcode == 1) {
            const QString text = QString::fromUtf8(payload);
            c.frames.append(text);
            Q_EMIT textReceived(index, text);
        }
        // ping (9), pong (10) and close (8) are ignored on purpose.
    }
}
