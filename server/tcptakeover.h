#pragma once

#include <QByteArray>
#include <QHostAddress>

class QTcpSocket;

// Takes a plain HTTP connection away from Qt, for a thread of its own (the file transfers), the
// way Handover does for WebSockets after their handshake:
// - what QTcpSocket has already read from the kernel (the start of a body) comes out as `input`;
// - the descriptor is duplicated (F_DUPFD_CLOEXEC; non-blocking, as the socket shares its file
//   status with Qt's descriptor);
// - the QTcpSocket is aborted (its descriptor closes; the connection stays open through the
//   duplicate, and the client sees nothing) and deleted later, from the event loop.
// Nothing is read in between: the caller is on the socket's thread and does not return to the
// event loop, so no byte can land in Qt's buffer after `input` was taken.
// tst_tcptakeover checks each of these facts.
struct TcpTakeover
{
    int fd = -1; // connected, non-blocking; the receiver must close it. -1: the connection is gone
    QByteArray input;
    QHostAddress peerAddress;

    static TcpTakeover take(QTcpSocket *tcp);
};
