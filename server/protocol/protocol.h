#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// LAN Chat wire protocol v1 (docs/PROTOCOL.md). One JSON object per WebSocket text frame.
namespace Protocol {

inline constexpr int Version = 1;
inline constexpr qsizetype MaxNameLength = 32;
inline constexpr qsizetype MaxIdLength = 64;
inline constexpr int DefaultMaxText = 8000;
inline constexpr qint64 MaxMessageBytes = 64 * 1024;
inline constexpr int DefaultHistory = 200;
inline constexpr int MaxHistoryLimit = 200; // the most one history or search request gets
inline constexpr quint16 DefaultPort = 8765;

// WebSocket close codes used by LAN Chat beyond QWebSocketProtocol's (see PROTOCOL.md).
inline constexpr int CloseReplaced = 4000;

enum class Type {
    Unknown,
    // client -> server
    Join,
    Chat,
    Rename,
    Ping,
    // both ways: a client asks, the hub answers with the same type
    History,
    Search,
    // server -> client
    Welcome,
    Joined,
    Left,
    Renamed,
    Error,
    Pong,
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
    QString to; // renamed
    qint64 seq = 0; // chat; welcome: the current seq
    std::optional<qint64> after; // join
    QString instance; // join, welcome
    QString token; // join, welcome
    QDateTime time; // chat, joined, left, renamed (UTC)
    QString reason; // left
    QString code; // error

    // welcome
    int version = Version;
    QString you;
    QString room;
    QStringList users;
    QList<Message> history; // chat messages, oldest first
    bool truncated = false;
    int maxText = DefaultMaxText;
    bool historyComplete = false; // welcome: nothing older than history exists

    // history, search (requests and answers)
    std::optional<qint64> before; // only messages with a seq below this
    int limit = 0; // requests: at most this many (0: the hub's default)
    QString query; // search
    QList<Message> messages; // answers: history's "messages" (oldest first), search's "results"
                             // (newest first)
    bool complete = false; // answers: nothing older exists (history) or matches (search)

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
Message chat(const QString &text, const QString &id = {});
Message rename(const QString &name);
Message ping();
Message historyRequest(std::optional<qint64> before, int limit);
Message searchRequest(const QString &query, int limit, std::optional<qint64> before = {});
Message error(const QString &code, const QString &text);

} // namespace Protocol
