#pragma once

#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

#include "protocol.h"

#include <optional>

class QTcpSocket;

// A scripted protocol client for tests: a real QWebSocket plus a queue of what it received.
class TestPeer final : public QObject
{
    Q_OBJECT
public:
    explicit TestPeer(QObject *parent = nullptr);

    // Connects and waits for the handshake; false if it did not connect within timeoutMs.
    bool open(const QUrl &url, const QByteArray &origin = {}, int timeoutMs = 5000);
    // join + wait for welcome.
    std::optional<Protocol::Message> join(const QString &name, int timeoutMs = 5000);
    void send(const Protocol::Message &message);
    void sendRaw(const QString &frame);
    // Waits for the next received message of this type, removes and returns it (and everything
    // received before it of other types stays queued).
    std::optional<Protocol::Message> next(Protocol::Type type, int timeoutMs = 5000);
    // Waits for the next chat; convenience for next(Type::Chat).
    std::optional<Protocol::Message> nextChat(int timeoutMs = 5000);
    bool waitClosed(int timeoutMs = 5000);

    QWebSocket &socket() { return m_socket; }
    const QList<Protocol::Message> &queue() const { return m_queue; }
    QStringList rawFrames() const { return m_raw; }
    bool isClosed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }

private:
    QWebSocket m_socket;
    QList<Protocol::Message> m_queue;
    QStringList m_raw;
    bool m_closed = false;
    int m_closeCode = -1;
};

// A WebSocket client that completes the handshake and then never reads again: the slow client of
// the seeds' articles. Returns nullptr if the handshake did not complete.
// With a name, it joins first (one masked frame), so the others see it leave.
QTcpSocket *openSilentWebSocket(quint16 port, QObject *parent, const QString &joinAs = {},
                                int timeoutMs = 5000);
