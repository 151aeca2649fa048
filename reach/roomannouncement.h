#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include <chrono>
#include <optional>

// LAN discovery constants (docs/PROTOCOL.md, "LAN discovery (UDP)").
namespace Discovery {

inline constexpr quint16 Port = 8766; // UDP port of the announcements
inline constexpr int FormatVersion = 1; // the "lanchat" field; bumped only for incompatible changes
inline constexpr qsizetype MaxDatagramBytes = 1024; // larger datagrams are ignored unread
inline constexpr qsizetype MaxRoomIdLength = 64;
inline constexpr qsizetype MaxRoomNameLength = 64;
inline constexpr qsizetype MaxHostNameLength = 64;
inline constexpr int MaxPeople = 1000000;
inline constexpr std::chrono::milliseconds DefaultInterval{3000};
// What a hosting lanchat announces with: a window that starts listens for ~2 s before it hosts.
inline constexpr std::chrono::milliseconds HostedInterval{1000};
inline constexpr std::chrono::milliseconds MinInterval{50}; // an announced interval is clamped to
inline constexpr std::chrono::milliseconds MaxInterval{60000}; // [MinInterval, MaxInterval]
inline constexpr int DefaultMissedAnnouncements = 3; // a room is dropped after this many
inline constexpr int DefaultMaxRooms = 256;

QHostAddress groupAddress(); // 239.255.77.77, IPv4 organisation-local scope

} // namespace Discovery

// One announcement datagram: a hosting lanchat telling the LAN about its room. A value; the codec
// is strict (see decode()).
struct RoomAnnouncement
{
    QString id; // random per announcing run, [A-Za-z0-9_-], 1-64 characters
    QString room; // the room's name, 1-64 characters, no control characters
    QString host; // the host's name for people, 0-64 characters, no control characters
    quint16 port = 0; // the room's TCP port (page and WebSocket), not 0
    int people = 0; // people in the room, 0-MaxPeople
    int protocolVersion = 1; // the chat protocol the room speaks ("v")
    std::chrono::milliseconds interval = Discovery::DefaultInterval; // until the next announcement
    bool bye = false; // the room is closing: listeners drop it at once
    bool passcode = false; // joining needs a passcode (never the code itself)

    // Compact JSON, e.g.
    // {"lanchat":1,"v":1,"id":"9f3c…","room":"Kitchen","host":"bob-laptop","port":8765,
    //  "people":3,"interval":3000}   (a bye adds "bye":true, a passcode room "passcode":true)
    QByteArray encode() const;

    enum class DecodeError { None, Oversized, NotJson, WrongMagic, WrongVersion, BadField };
    // Rejects datagrams over MaxDatagramBytes, non-JSON, no "lanchat" field, "lanchat" other than
    // FormatVersion, and missing or out-of-range fields. Unknown fields are ignored.
    static std::optional<RoomAnnouncement> decode(QByteArrayView datagram,
                                                  DecodeError *error = nullptr);

    static QString newRoomId(); // 16 random hex digits

    friend bool operator==(const RoomAnnouncement &, const RoomAnnouncement &) = default;
};
