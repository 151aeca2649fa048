#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTcpServer>

class QTcpSocket;

// A hand-made WebSocket server for the cases a real hub will not produce: it completes the
// handshake, records the text frames it gets and sends only what the test says. It never answers
// a ping (a dead link) and can cut a connection without a close frame.
class ScriptedHub final : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedHub(QObject *parent = nullptr);

    bool listen(); // 127.0.0.1, any port
    quint16 port() const { return m_server.serverPort(); }
    int connectionCount() const { return int(m_connections.size()); }
    QStringList frames(int connection) const { return m_connections.at(connection).frames; }

    void sendText(int connection, const QString &text);
    void cut(int connection); // TCP close, no WebSocket close frame

Q_SIGNALS:
    void upgraded(int connection);
    void textReceived(int connection, const QString &text);

private:
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        bool upgraded = false;
        QStringList frames;
    };
    void onReadyRead(int index);
    void parseFrames(int index);

    QTcpServer m_server;
    QList<Connection> m_connections;
};
