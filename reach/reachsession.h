#pragma once

#include <QHostAddress>
#include <QImage>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include "heardroom.h"

class Reachability;
class RoomAnnouncer;
class RoomListener;

// Everything of lanchat_reach one lanchat process needs, in one place for app/ to wire: it always
// listens for rooms on the LAN; while this process hosts, it announces the room (unless turned
// off), checks whether others can reach it, and makes the join card (QR code of the room's page
// at the likely LAN address). Knows nothing of the hub or the window: values in, signals out.
class ReachSession final : public QObject
{
    Q_OBJECT
public:
    explicit ReachSession(QObject *parent = nullptr);
    ~ReachSession() override; // says bye when still announcing

    RoomListener *listener() const { return m_listener; }
    RoomAnnouncer *announcer() const { return m_announcer; }
    Reachability *reachability() const { return m_reachability; }

    void setAnnounceEnabled(bool enabled); // --no-announce: false. Default true
    void setJoinCardSide(int pixels); // the card's largest side (integer scaling). Default 160

    // Binds the discovery port. A failure is logged and only means no rooms will be heard.
    bool startListening();

    // The hub listens: room name, bind address, the port asked for (0 = any) and the one it got.
    void hostingStarted(const QString &room, const QHostAddress &bind, quint16 requestedPort,
                        quint16 actualPort);
    void setRoomName(const QString &room);
    void setPeopleCount(int people); // from HubHost::peerCountChanged
    // From HubHost::passcode()/passcodeChanged ("" = none): the announcement says a passcode is
    // needed, and the join link and card carry the code in the fragment (#code=…), which a
    // browser never sends.
    void setPasscode(const QString &passcode);
    void hostingStopped(); // says bye; the join card and notes go empty
    bool isHosting() const { return m_port != 0; }

    QList<HeardRoom> rooms() const; // heard on the LAN, our own room left out
    QByteArray roomsJson() const; // for HubHost::setKnownRooms (GET /rooms.json)
    // http://LAN-ADDRESS:PORT/ while hosting (loopback if there is no LAN), with #code=… when the
    // room has a passcode.
    QUrl joinUrl() const;
    QImage joinCard() const; // QR code of joinUrl(), null when not hosting
    QStringList reachabilityNotes() const;

Q_SIGNALS:
    void roomsChanged(const QList<HeardRoom> &rooms);
    void roomsJsonChanged(const QByteArray &json);
    void joinCardChanged(const QImage &qr, const QUrl &url); // null image, empty URL: not hosting
    void reachabilityNotesChanged(const QStringList &notes);

private:
    void updateJoinCard();

    RoomListener *m_listener = nullptr; // child
    RoomAnnouncer *m_announcer = nullptr; // child
    Reachability *m_reachability = nullptr; // child
    bool m_announce = true;
    int m_cardSide = 160;
    QHostAddress m_bind;
    quint16 m_port = 0;
    QUrl m_joinUrl;
    QString m_passcode;
    QImage m_joinCard;
};
