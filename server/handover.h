#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

// The hand-over of a WebSocket from Qt to the hub's own transport, and nothing else: Qt
// (QWebSocketServer) checks the upgrade request and answers 101; the hub then runs the connection
// on a duplicate of the descriptor (WsConnection), and every Qt object of it goes.
//
// Who owns what, step by step (read in Qt 6.4.2's qwebsocketserver_p.cpp and qwebsocket_p.cpp;
// tst_handover checks each fact this relies on, so that a Qt that behaves otherwise fails there):
//
// 1. upgrade(tcp): the front door has peeked a complete `GET /ws` head and left it unread. The
//    QTcpSocket and its descriptor become this object's (a child), registered under its
//    connection's four addresses and ports. QWebSocketServer::handleConnection() is documented
//    to "take ownership"; what it does is connect readyRead (queued) to its handshake and
//    disconnected to deleteLater(). It does not reparent the socket. So: whichever comes first
//    deletes it: Qt on a disconnect (a failed handshake closes the socket), or this object's
//    destructor.
// 2. Qt's handshake (next round of the event loop): skips exactly the head, writes the 101 answer
//    into the QTcpSocket's buffer and creates a QWebSocket without parent that observes the
//    QTcpSocket (a plain pointer, cleared when the QTcpSocket is destroyed) and does not own it.
//    The new QWebSocket reads at once whatever is buffered after the head: frames a client sends
//    before the 101 (RFC 6455 4.1 forbids it) are lost in it. Then it emits newConnection().
// 3. onNewConnection(): the QWebSocket is ours (nextPendingConnection()). Its QTcpSocket is found
//    by the four addresses and ports, which no two live TCP connections share. The 101 is
//    flushed to the kernel; what the QTcpSocket still buffers is taken as `input`; the
//    descriptor is duplicated (F_DUPFD_CLOEXEC). Then the QTcpSocket is aborted: its descriptor
//    closes, but the connection stays open through the duplicate (a socket closes when its last
//    descriptor does), so the client sees nothing. The QWebSocket, seeing its transport
//    unconnected, sends no close frame when it is deleted. Both are deleted later (from the event
//    loop, not inside Qt's handshake code that called us); the QTcpSocket is the QWebSocket's
//    child from here on, so they go together.
// 4. The receiver gets the duplicate and owns it from then on (WsConnection closes it). If the
//    101 could not be flushed whole or the duplicate failed, there is no Connection and the
//    client sees its connection close.
class Handover final : public QObject
{
    Q_OBJECT
public:
    struct Connection
    {
        int fd = -1; // connected, non-blocking; the receiver must close it
        QHostAddress peerAddress;
        quint16 peerPort = 0;
        QByteArray input; // bytes after the head the QWebSocket did not take (none with Qt 6.4)
    };
    using Receiver = std::function<void(Connection)>;

    explicit Handover(Receiver receiver, QObject *parent = nullptr);
    ~Handover() override; // deletes the connections still in their handshake

    // Takes tcp (step 1). Its complete upgrade request must be in its read buffer, unread.
    void upgrade(QTcpSocket *tcp);
    int inHandshake() const { return int(m_handshaking.size()); }

private:
    static QString keyOf(const QHostAddress &local, quint16 localPort, const QHostAddress &peer,
                         quint16 peerPort);
    void onNewConnection();
    void take(QWebSocket *handshaken);

    Receiver m_receiver;
    QWebSocketServer *m_server = nullptr; // child; never listens
    QHash<QString, QTcpSocket *> m_handshaking; // children, keyed by keyOf()
};
