#pragma once

#include <QSignalSpy>
#include <QUrl>

#include "hubhost.h"

#include <memory>

// A real hub (its own thread, via HubHost) on 127.0.0.1, port 0 unless told otherwise.
struct HubRunner
{
    std::unique_ptr<HubHost> host;
    quint16 port = 0;

    HubRunner() = default;
    HubRunner(const HubRunner &) = delete;
    HubRunner &operator=(const HubRunner &) = delete;
    ~HubRunner() { stop(); } // the clean way, as the app does it

    bool start(HubConfig config = {}, quint16 wantedPort = 0)
    {
        config.bindAddress = QHostAddress::LocalHost;
        config.port = wantedPort;
        host = std::make_unique<HubHost>(config);
        QSignalSpy listening(host.get(), &HubHost::listening);
        host->start();
        if (!listening.wait(5000))
            return false;
        port = listening.at(0).at(0).value<quint16>();
        return port != 0;
    }
    bool stop()
    {
        if (!host)
            return true;
        QSignalSpy stopped(host.get(), &HubHost::stopped);
        host->stop();
        const bool ok = stopped.wait(10000);
        host.reset();
        return ok;
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)); }
};
