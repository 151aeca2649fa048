#include "reachsession.h"

#include "discovery.h"
#include "qrcode.h"
#include "reachability.h"
#include "reachlogging.h"
#include "roomannouncer.h"
#include "roomlistener.h"

using namespace Qt::StringLiterals;

ReachSession::ReachSession(QObject *parent)
    : QObject(parent)
    , m_listener(new RoomListener(this))
    , m_announcer(new RoomAnnouncer(this))
    , m_reachability(new Reachability(this))
{
    m_listener->setIgnoredRoomId(m_announcer->roomId());
    // Often enough that a window starting on the LAN hears this room within its first look.
    m_announcer->setInterval(Discovery::HostedInterval);
    connect(m_listener, &RoomListener::roomsChanged, this, [this] {
        Q_EMIT roomsChanged(rooms());
        Q_EMIT roomsJsonChanged(roomsJson());
    });
    connect(m_reachability, &Reachability::notesChanged, this,
            &ReachSession::reachabilityNotesChanged);
}

ReachSession::~ReachSession()
{
    m_announcer->stop();
}

void ReachSession::setAnnounceEnabled(bool enabled)
{
    m_announce = enabled;
    if (!enabled)
        m_announcer->stop();
    else if (isHosting())
        m_announcer->start();
}

void ReachSession::setJoinCardSide(int pixels)
{
    m_cardSide = std::max(1, pixels);
    if (isHosting())
        updateJoinCard();
}

bool ReachSession::startListening()
{
    if (m_listener->isListening())
        return true;
    if (!m_listener->start(Discovery::Port)) {
        qCWarning(lcReach) << "not listening for other rooms on the LAN";
        return false;
    }
    return true;
}

void ReachSession::hostingStarted(const QString &room, const QHostAddress &bind,
                                  quint16 requestedPort, quint16 actualPort)
{
    m_bind = bind;
    m_port = actualPort;
    m_announcer->setRoomName(room);
    m_announcer->setRoomPort(actualPort);
    if (m_announce)
        m_announcer->start();
    m_reachability->setBindAddress(bind);
    m_reachability->check(requestedPort, actualPort); // notes at once, the self-test later
    updateJoinCard();
    Q_EMIT roomsJsonChanged(roomsJson()); // a new hub starts with what was heard so far
}

void ReachSession::setRoomName(const QString &room)
{
    m_announcer->setRoomName(room);
}

void ReachSession::setPeopleCount(int people)
{
    m_announcer->setPeopleCount(people);
}

void ReachSession::setPasscode(const QString &passcode)
{
    if (passcode == m_passcode)
        return;
    m_passcode = passcode;
    m_announcer->setPasscodeRequired(!passcode.isEmpty());
    if (isHosting())
        updateJoinCard();
}

void ReachSession::hostingStopped()
{
    m_announcer->stop();
    m_port = 0;
    m_joinUrl.clear();
    m_joinCard = QImage();
    Q_EMIT joinCardChanged(m_joinCard, m_joinUrl);
    Q_EMIT reachabilityNotesChanged({});
}

QList<HeardRoom> ReachSession::rooms() const
{
    return m_listener->rooms();
}

QByteArray ReachSession::roomsJson() const
{
    return Discovery::roomsJson(rooms());
}

QUrl ReachSession::joinUrl() const
{
    return m_joinUrl;
}

QImage ReachSession::joinCard() const
{
    return m_joinCard;
}

QStringList ReachSession::reachabilityNotes() const
{
    return isHosting() ? m_reachability->notes() : QStringList();
}

void ReachSession::updateJoinCard()
{
    QHostAddress address = m_reachability->likelyLanAddress();
    if (address.isNull())
        address = m_bind.isLoopback() ? m_bind : QHostAddress(QHostAddress::LocalHost);
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(address.toString());
    url.setPort(m_port);
    url.setPath(u"/"_s);
    if (!m_passcode.isEmpty())
        url.setFragment(u"code="_s + QString::fromLatin1(QUrl::toPercentEncoding(m_passcode)),
                        QUrl::StrictMode);
    m_joinUrl = url;
    m_joinCard = QrCode::encode(url.toString(QUrl::FullyEncoded)).toImageFitting(m_cardSide);
    Q_EMIT joinCardChanged(m_joinCard, m_joinUrl);
}
