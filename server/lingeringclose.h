#pragma once

#include <QObject>

#include <chrono>

class QSocketNotifier;
class QTcpSocket;

// A lingering close (as web servers do it) for the front door's HTTP answers: keeps a closing
// connection open after QTcpSocket has closed its descriptor, until the client has read the
// answer and closed its side. (WsConnection lingers the same way by itself.)
//
// QTcpSocket closes as soon as the answer is written, without waiting for the client. When the
// client's bytes are still on the way (the rest of an oversized head, a body), the kernel answers
// them with a reset; the client's next write fails and it may never read the answer that had
// already arrived. So: take a duplicate of the descriptor before Qt closes it; when Qt has written
// everything and closed (QTcpSocket::disconnected), send FIN (shutdown(SHUT_WR)) and read and
// discard until the client closes, or until `grace` has passed since the start; then close.
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
