#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "protocolnames.h"

// LAN Chat wire protocol v1 (docs/PROTOCOL.md). One JSON object per WebSocket text frame.
namespace Protocol {

inline constexpr int Version = 1;
inline constexpr qsizetype MaxNameLength = 32;
inline constexpr qsizetype MaxRoomNameLength = 64;
inline constexpr qsizetype MaxIdLength = 64;
inline constexpr int DefaultMaxText = 8000;
inline constexpr qint64 MaxMessageBytes = 64 * 1024;
inline constexpr int DefaultHistory = 200;
inline constexpr int DefaultHistoryPage = 100; // history.limit when absent
inline constexpr int MaxHistoryPage = 200;
inline constexpr int DefaultSearchPage = 50; // search.limit when absent
inline constexpr int MaxSearchPage = 100;
inline constexpr quint16 DefaultPort = 8765;
inline constexpr qsizetype MaxFileNameLength = 255;

enum class Type {
    Unknown,
    // client -> server
    Join,
    Chat,
    Rename,
    Ping,
    // both ways: a request from a client, its answer from the server
    History,
    Search,
    // server -> client
    Welcome,
    Joined,
    Left,
    Renamed,
    Error,
    Pong,
    Room, // the host renamed the room
    // host moderation requests (client -> server)
    Kick,
    Ban,
    Unban,
    Lock,
    Passcode,
    // access news (server -> client)
    Moderation, // to everyone: a host's act
    Access, // to hosts only: the passcode, the lock and the blocked addresses
    // both ways: a slot request from a client, the hub's grant
    Upload,
    // server -> client: a file in the room, numbered like chat
    File,
};

// One entry of an `access` message's `blocked` list: an address kicked (until) or banned.
struct BlockedAddress
{
    QString address;
    QString name; // the name it had when it was kicked or banned
    bool ban = false;
    QDateTime until; // kicked: when it may come back (invalid for a ban)

    friend bool operator==(const BlockedAddress &a, const BlockedAddress &b) = default;
};

// What the hub takes in files (welcome.files); absent when files are off.
struct FileLimits
{
    qint64 maxBytes = 0;
    QStringList types; // empty: any type
    friend bool operator==(const FileLimits &, const FileLimits &) = default;
};

// A protocol message as a value. Only the fields of its type are meaningful; encode() writes only
// those (and optional ones only when set).
struct Message
{
    Type type = Type::Unknown;
    QString typeName; // the "type" string as received (kept for unknown types)

    QString name; // join, rename, joined, left
    QString text; // chat, error
    QString id; // chat: the client's own message id (optional)
    QString from; // chat, renamed
    QString to; // renamed; chat: the recipient of a private message
    qint64 seq = 0; // chat; welcome: the current seq
    std::optional<qint64> after; // join
    QString instance; // join, welcome
    QString token; // join, welcome
    QDateTime time; // chat, joined, left, renamed (UTC)
    QString reason; // left
    QString code; // error

    // history, search
    bool answer = false; // a server's answer (has messages/results) rather than a request
    std::optional<qint64> before; // only messages with seq < before
    std::optional<qint64> limit; // requests
    QString query; // search
    QList<Message> messages; // answers: chat messages (history: oldest first; search: newest)
    bool complete = false; // answers: nothing older (history) / no older hit (search) exists

    // upload, file (name, id, from, to, seq and time as above; `to`: a private file)
    qint64 size = 0;
    QString mime;
    QString sha256; // 64 lower-case hex digits
    QString upload; // upload: the slot's id (a request resuming it, and the grant)
    QString url; // upload grant: where to PUT; file: where to GET
    std::optional<qint64> offset; // upload grant: bytes the hub has
    QString thumb; // file: the picture's thumbnail
    int width = 0; // file: the picture's size in pixels (0: not a picture)
    int height = 0;

    // welcome
    int version = Version;
    QString you;
    QString room; // welcome, room
    QStringList users;
    QList<Message> history; // chat messages, oldest first
    bool truncated = false;
    bool historyComplete = false; // nothing older than `history` exists in the room
    int maxText = DefaultMaxText;
    bool host = false; // welcome, joined: has host rights
    QStringList hosts; // welcome: the joined people with host rights

    // access
    QString passcode; // join (optional), passcode request, access
    QString hostToken; // join (optional)
    QString address; // unban
    bool locked = false; // lock, access
    QString action; // moderation (Protocol::ModerationAction)
    QString by; // moderation: the host's name
    QList<BlockedAddress> blocked; // access
    std::optional<FileLimits> files; // absent: files are off

    friend bool operator==(const Message &a, const Message &b);
};

enum class DecodeError {
    None,
    NotJson, // not a JSON document at all: the hub relays such a frame as chat text
    NotObject, // JSON, but not an object: relayed as chat text too
    MissingType, // an object without a string "type"
    BadField, // a known type with a missing or mistyped field
    UnknownType, // a "type" this version does not know (typeName is set in the result's place)
};

// Decodes one text frame (UTF-8). Returns nullopt and sets *error when the frame is not a valid
// message. For UnknownType, *unknownType (if given) receives the type string.
std::optional<Message> decode(QByteArrayView utf8, DecodeError *error = nullptr,
                              QString *unknownType = nullptr);
std::optional<Message> decode(const QString &frame, DecodeError *error = nullptr,
                              QString *unknownType = nullptr);

// Encodes as compact JSON (UTF-8).
QByteArray encode(const Message &message);
QString encodeText(const Message &message);

QString typeName(Type type);
Type typeFromName(QStringView name);

// ISO-8601 UTC with milliseconds, e.g. "2026-11-23T14:05:09.120Z".
QString formatTime(const QDateTime &time);
QDateTime parseTime(const QString &text);

// Convenience builders.
Message join(const QString &name);
Message chat(const QString &text, const QString &id = {}, const QString &to = {});
Message rename(const QString &name);
Message ping();
Message error(QStringView code, const QString &text);
Message historyRequest(std::optional<qint64> before, std::optional<qint64> limit = {});
Message searchRequest(const QString &query, std::optional<qint64> before = {},
                      std::optional<qint64> limit = {});
// Host moderation requests (docs/PROTOCOL.md, "Access").
Message kick(const QString &name);
Message ban(const QString &name);
Message unban(const QString &address);
Message lock(bool locked);
Message passcodeRequest(const QString &passcode);
Message uploadRequest(const QString &name, qint64 size, const QString &id = {});

} // namespace Protocol
