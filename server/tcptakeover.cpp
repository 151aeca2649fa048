#include "tcptakeover.h"

#include <QTcpSocket>

#include <fcntl.h>

TcpTakeover TcpTakeover::take(QTcpSocket *tcp)
{
    TcpTakeover taken;
    taken.peerAddress = tcp->peerAddress();
    if (tcp->state() == QAbstractSocket::ConnectedState && tcp->socketDescriptor() >= 0) {
        taken.input = tcp->readAll();
        taken.fd = ::fcntl(int(tcp->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    }
    tcp->disconnect();
    tcp->abort(); // closes Qt's descriptor; the duplicate keeps the connection
    tcp->deleteLater();
    return taken;
}
