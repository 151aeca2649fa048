#include "handover.h"

#include "logging.h"

#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <utility>

#include <fcntl.h>

using namespace Qt::StringLiterals;

Handover::Handover(Receiver receiver, QObject *parent)
    : QObject(parent)
    , m_receiver(std::move(receiver))
    , m_server(new QWebSocketServer(u"LAN Chat"_s, QWebSocketServer::NonSecureMode, this))
{
    // No handshake timeout to set: Qt starts that timer only for connections its own listening
    // server accepts, and the front door hands over only complete heads, so Qt answers in the
    // next round of the event loop without waiting for the client.
    connect(m_server, &QWebSocketServer::newConnection, this, &Handover::onNewConnection);
    connect(m_server, &QWebSocketServer::serverError, this, [this] {
        qCInfo(lcHttp) << "WebSocket handshake refused:" << m_server->errorString();
    });
}

Handover::~Handover()
{
    // Before the members go: a QTcpSocket's destroyed() must not reach m_handshaking.
    const auto handshaking = std::exchange(m_handshaking, {});
    for (QTcpSocket *tcp : handshaking) {
        tcp->disconnect(); // Qt's handshake and deleteLater connections too
        delete tcp;
    }
}

QString Handover::keyOf(const QHostAddress &local, quint16 localPort, const QHostAddress &peer,
                        quint16 peerPort)
{
    return local.toString() + u'|' + QString::number(localPort) + u'|' + peer.toString() + u'|'
            + QString::number(peerPort);
}

void Handover::upgrade(QTcpSocket *tcp)
{
    const QString key
            = keyOf(tcp->localAddress(), tcp->localPort(), tcp->peerAddress(), tcp->peerPort());
    tcp->setParent(this);
    m_handshaking.insert(key, tcp);
    connect(tcp, &QObject::destroyed, this, [this, key, tcp] {
        if (m_handshaking.value(key) == tcp)
            m_handshaking.remove(key);
    });
    m_server->handleConnection(tcp);
}

void Handover::onNewConnection()
{
    while (QWebSocket *handshaken = m_server->nextPendingConnection())
        take(handshaken);
}

void Handover::take(QWebSocket *handshaken)
{
    Connection connection;
    connection.peerAddress = handshaken->peerAddress();
    connection.peerPort = handshaken->peerPort();
    QTcpSocket *tcp = m_handshaking.take(keyOf(handshaken->localAddress(), handshaken->localPort(),
                                               connection.peerAddress, connection.peerPort));
    if (tcp && tcp->state() == QAbstractSocket::ConnectedState) {
        tcp->flush(); // the 101 answer, still in Qt's buffer
        if (tcp->bytesToWrite() == 0) {
            connection.input = tcp->readAll();
            connection.fd = ::fcntl(int(tcp->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
        }
    }
    if (tcp) {
        disconnect(tcp, &QObject::destroyed, this, nullptr);
        tcp->setParent(handshaken); // they go together
        tcp->abort(); // closes Qt's descriptor; the duplicate keeps the connection
    }
    handshaken->abort();
    handshaken->deleteLater();
    if (connection.fd < 0) {
        qCWarning(lcHub) << "could not take over the connection from"
                         << connection.peerAddress.toString() << (tcp ? "" : "(socket unknown)");
        return;
    }
    m_receiver(std::move(connection));
}
