#pragma once

#include <QSignalSpy>
#include <QTest>

#include "chathub.h"
#include "testpeer.h"

#include <memory>

// A hub on 127.0.0.1:0 in the test's own thread, and peers connected to it.
struct HubFixture
{
    std::unique_ptr<ChatHub> hub;
    quint16 port = 0;
    std::vector<std::unique_ptr<TestPeer>> peers;

    bool start(HubConfig config = {})
    {
        config.bindAddress = QHostAddress::LocalHost;
        config.port = 0;
        hub = std::make_unique<ChatHub>(config);
        QSignalSpy listening(hub.get(), &ChatHub::listening);
        hub->start();
        if (listening.size() != 1)
            return false;
        port = listening.at(0).at(0).value<quint16>();
        return port != 0;
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)); }
    TestPeer *connect()
    {
        peers.push_back(std::make_unique<TestPeer>());
        return peers.back()->open(url()) ? peers.back().get() : nullptr;
    }
    TestPeer *joined(const QString &name)
    {
        TestPeer *peer = connect();
        return peer && peer->join(name) ? peer : nullptr;
    }
};
