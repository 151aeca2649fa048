#pragma once

#include <QObject>

#include <chrono>

class QSocketNotifier;
class QTcpSocket;

// A lingering close (as web servers do it): keeps a closing connection open after Qt has closed
// its descriptor, until the peer has read everything we sent and closed its side.
//
// Qt closes the TCP socket right after it writes a close frame or an HTTP error answer, without
// waiting for the peer. When the peer's bytes are still on the way (a browser flushing a burst of
// messages), the kernel answers them with a reset; the browser's next write fails and it reports
// 1006 "connection lost" without reading the close code that had already arrived. So: take a
// duplicate of the descriptor before Qt closes it; when Qt has written everything and closed
// (QTcpSocket::disconnected), send FIN (shutdown(SHUT_WR)) and read and discard until the peer
// closes, or until `grace` has passed since the start; then close for good.
class LingeringClose final : public QObject
{
    Q_OBJECT
public:
    LingeringClose(QTcpSocket *tcp, std::chrono::milliseconds grace, QObject *parent = nullptr);
    ~LingeringClose() override; // closes the duplicate at once (a reset if input is unread)

    // Starts lingering on tcp unless it is already closed; the object deletes itself when done.
    static LingeringClose *watch(QTcpSocket *tcp, std::chrono::milliseconds grace, QObject *parent);

Q_SIGNALS:
    void finished(); // the connection is gone; the object is deleted later

private:
    void transportClosed();
    void drain();
    void finish();

    int m_fd = -1;
    bool m_draining = false;
    bool m_done = false;
    QSocketNotifier *m_notifier = nullptr; // child, while draining
};
