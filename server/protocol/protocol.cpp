#include "protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <array>
#include <cmath>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace Protocol {

namespace {

constexpr std::array<std::pair<Type, QStringView>, 22> typeNames{{
        {Type::Join, u"join"},
        {Type::Chat, u"chat"},
        {Type::Rename, u"rename"},
        {Type::Ping, u"ping"},
        {Type::Welcome, u"welcome"},
        {Type::Joined, u"joined"},
        {Type::Left, u"left"},
        {Type::Renamed, u"renamed"},
        {Type::Error, u"error"},
        {Type::Pong, u"pong"},
        {Type::Room, u"room"},
        {Type::History, u"history"},
        {Type::Search, u"search"},
        {Type::Kick, u"kick"},
        {Type::Ban, u"ban"},
        {Type::Unban, u"unban"},
        {Type::Lock, u"lock"},
        {Type::Passcode, u"passcode"},
        {Type::Moderation, u"moderation"},
        {Type::Access, u"access"},
        {Type::Upload, u"upload"},
        {Type::File, u"file"},
}};

// Field readers: each returns false when the field is present with the wrong type, or missing
// while required.
bool readString(const QJsonObject &o, QLatin1StringView key, QString *out, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return !required;
    if (!v.isString())
        return false;
    *out = v.toString();
    return true;
}

// The largest integer a JSON number (a double) holds exactly: 2^53 - 1.
constexpr qint64 MaxExactInteger = 9007199254740991;
constexpr qint64 MaxInt = std::numeric_limits<int>::max();

// A non-negative integer up to max. The range is checked on the double, before any cast: a cast
// of a double outside the integer's range is undefined behaviour (1e300, inf).
bool readInteger(const QJsonObject &o, QLatin1StringView key, qint64 *out, bool required,
                 qint64 max = MaxExactInteger)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return !required;
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!(d >= 0 && d <= static_cast<double>(max)) || d != std::trunc(d))
        return false;
    *out = static_cast<qint64>(d);
    return true;
}

bool readTime(const QJsonObject &o, QDateTime *out)
{
    QString text;
    if (!readString(o, "time"_L1, &text, false))
        return false;
    if (!text.isEmpty()) {
        *out = parseTime(text);
        if (!out->isValid())
            return false;
    }
    return true;
}

bool decodeChatFields(const QJsonObject &o, Message *m, bool fromServer)
{
    if (!readString(o, "text"_L1, &m->text, true) || !readString(o, "id"_L1, &m->id, false)
        || !readString(o, "to"_L1, &m->to, false))
        return false;
    if (!fromServer)
        return true;
    // The hub always names the sender: a chat "from" nobody would encode as a client's chat.
    return readInteger(o, "seq"_L1, &m->seq, true) && readString(o, "from"_L1, &m->from, true)
            && !m->from.isEmpty() && readTime(o, &m->time);
}

// A file message (the hub's): numbered like chat, with the file's description.
bool decodeFileFields(const QJsonObject &o, Message *m)
{
    qint64 width = 0;
    qint64 height = 0;
    if (!readInteger(o, "seq"_L1, &m->seq, true) || !readString(o, "from"_L1, &m->from, true)
        || m->from.isEmpty() || !readTime(o, &m->time) || !readString(o, "id"_L1, &m->id, false)
        || !readString(o, "to"_L1, &m->to, false) || !readString(o, "name"_L1, &m->name, true)
        || !readInteger(o, "size"_L1, &m->size, true) || !readString(o, "mime"_L1, &m->mime, false)
        || !readString(o, "sha256"_L1, &m->sha256, false) || !readString(o, "url"_L1, &m->url, true)
        || !readString(o, "thumb"_L1, &m->thumb, false)
        || !readInteger(o, "width"_L1, &width, false, MaxInt)
        || !readInteger(o, "height"_L1, &height, false, MaxInt))
        return false;
    m->width = int(width);
    m->height = int(height);
    return true;
}

// upload: a client's request for a slot (name and size), or the hub's grant (with offset).
bool decodeUpload(const QJsonObject &o, Message *m)
{
    if (!readString(o, "id"_L1, &m->id, false) || !readString(o, "upload"_L1, &m->upload, false))
        return false;
    m->answer = o.contains("offset"_L1);
    if (m->answer) {
        qint64 offset = 0;
        if (!readInteger(o, "offset"_L1, &offset, true) || !readString(o, "url"_L1, &m->url, true))
            return false;
        m->offset = offset;
        return true;
    }
    return readString(o, "name"_L1, &m->name, true) && readInteger(o, "size"_L1, &m->size, true)
            && readString(o, "mime"_L1, &m->mime, false)
            && readString(o, "sha256"_L1, &m->sha256, false)
            && readString(o, "to"_L1, &m->to, false);
}

bool readOptionalInteger(const QJsonObject &o, QLatin1StringView key, std::optional<qint64> *out)
{
    qint64 value = 0;
    if (!readInteger(o, key, &value, false))
        return false;
    if (o.contains(key))
        *out = value;
    return true;
}

bool readChatList(const QJsonObject &o, QLatin1StringView key, QList<Message> *out, bool required)
{
    const QJsonValue list = o.value(key);
    if (list.isUndefined())
        return !required;
    if (!list.isArray())
        return false;
    for (const QJsonValue &h : list.toArray()) {
        if (!h.isObject())
            return false;
        const QJsonObject item = h.toObject();
        Message line;
        // The numbered messages: chat and file.
        const bool isFile = item.value("type"_L1).toString() == "file"_L1;
        line.type = isFile ? Type::File : Type::Chat;
        line.typeName = typeName(line.type);
        if (!(isFile ? decodeFileFields(item, &line) : decodeChatFields(item, &line, true)))
            return false;
        out->append(std::move(line));
    }
    return true;
}

bool readBool(const QJsonObject &o, QLatin1StringView key, bool *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isBool())
        return false;
    *out = v.toBool();
    return true;
}

// history and search: a request from a client, or (with messages/results) the server's answer.
bool decodePaging(const QJsonObject &o, Message *m, QLatin1StringView listKey)
{
    if (!readOptionalInteger(o, "before"_L1, &m->before)
        || !readOptionalInteger(o, "limit"_L1, &m->limit))
        return false;
    if (m->type == Type::Search && !readString(o, "query"_L1, &m->query, true))
        return false;
    m->answer = o.contains(listKey);
    if (!m->answer)
        return true;
    return readChatList(o, listKey, &m->messages, true) && readBool(o, "complete"_L1, &m->complete);
}

bool readBoolRequired(const QJsonObject &o, QLatin1StringView key, bool *out)
{
    return o.value(key).isBool() && readBool(o, key, out);
}

bool readStringList(const QJsonObject &o, QLatin1StringView key, QStringList *out, bool required)
{
    const QJsonValue list = o.value(key);
    if (list.isUndefined())
        return !required;
    if (!list.isArray())
        return false;
    for (const QJsonValue &item : list.toArray()) {
        if (!item.isString())
            return false;
        out->append(item.toString());
    }
    return true;
}

bool decodeFileLimits(const QJsonObject &o, Message *m)
{
    const QJsonValue files = o.value("files"_L1);
    if (files.isUndefined())
        return true;
    if (!files.isObject())
        return false;
    const QJsonObject object = files.toObject();
    FileLimits limits;
    if (!readInteger(object, "maxBytes"_L1, &limits.maxBytes, true)
        || !readStringList(object, "types"_L1, &limits.types, false))
        return false;
    m->files = limits;
    return true;
}

bool decodeBlocked(const QJsonObject &o, QList<BlockedAddress> *out)
{
    const QJsonValue list = o.value("blocked"_L1);
    if (list.isUndefined())
        return true;
    if (!list.isArray())
        return false;
    for (const QJsonValue &item : list.toArray()) {
        if (!item.isObject())
            return false;
        const QJsonObject b = item.toObject();
        BlockedAddress entry;
        QString until;
        if (!readString(b, "address"_L1, &entry.address, true)
            || !readString(b, "name"_L1, &entry.name, false) || !readBool(b, "ban"_L1, &entry.ban)
            || !readString(b, "until"_L1, &until, false))
            return false;
        if (!until.isEmpty()) {
            entry.until = parseTime(until);
            if (!entry.until.isValid())
                return false;
        }
        out->append(std::move(entry));
    }
    return true;
}

// The access part of the protocol: passcode, host rights and moderation.
bool decodeAccess(const QJsonObject &o, Message *m)
{
    switch (m->type) {
    case Type::Kick:
    case Type::Ban:
        return readString(o, "name"_L1, &m->name, true);
    case Type::Unban:
        return readString(o, "address"_L1, &m->address, true);
    case Type::Lock:
        return readBoolRequired(o, "locked"_L1, &m->locked);
    case Type::Passcode:
        return readString(o, "passcode"_L1, &m->passcode, true);
    case Type::Moderation:
        return readString(o, "action"_L1, &m->action, true) && readString(o, "by"_L1, &m->by, true)
                && readString(o, "name"_L1, &m->name, false) && readTime(o, &m->time);
    case Type::Access:
        return readString(o, "passcode"_L1, &m->passcode, true)
                && readBoolRequired(o, "locked"_L1, &m->locked) && decodeBlocked(o, &m->blocked);
    default:
        return false;
    }
}

bool decodeObject(const QJsonObject &o, Message *m)
{
    switch (m->type) {
    case Type::Join: {
        qint64 after = 0;
        const bool hasAfter = o.contains("after"_L1);
        if (!readString(o, "name"_L1, &m->name, true) || !readInteger(o, "after"_L1, &after, false)
            || !readString(o, "instance"_L1, &m->instance, false)
            || !readString(o, "token"_L1, &m->token, false)
            || !readString(o, "passcode"_L1, &m->passcode, false)
            || !readString(o, "hostToken"_L1, &m->hostToken, false))
            return false;
        if (hasAfter)
            m->after = after;
        return true;
    }
    case Type::Chat:
        // A chat from a client has no seq; from the server it must have seq and from.
        return decodeChatFields(o, m, o.contains("seq"_L1) || o.contains("from"_L1));
    case Type::Rename:
        return readString(o, "name"_L1, &m->name, true);
    case Type::Ping:
    case Type::Pong:
        return true;
    case Type::History:
        return decodePaging(o, m, "messages"_L1);
    case Type::Search:
        return decodePaging(o, m, "results"_L1);
    case Type::Welcome: {
        qint64 version = 0;
        qint64 maxText = DefaultMaxText;
        if (!readInteger(o, "v"_L1, &version, true, MaxInt)
            || !readString(o, "you"_L1, &m->you, true) || !readString(o, "room"_L1, &m->room, true)
            || !readString(o, "instance"_L1, &m->instance, false)
            || !readString(o, "token"_L1, &m->token, false)
            || !readInteger(o, "seq"_L1, &m->seq, true)
            || !readInteger(o, "maxText"_L1, &maxText, false, MaxInt))
            return false;
        m->version = int(version);
        m->maxText = int(maxText);
        const QJsonValue truncated = o.value("truncated"_L1);
        if (!truncated.isUndefined() && !truncated.isBool())
            return false;
        m->truncated = truncated.toBool();
        if (!readBool(o, "historyComplete"_L1, &m->historyComplete)
            || !readStringList(o, "users"_L1, &m->users, true) || !readBool(o, "host"_L1, &m->host)
            || !readStringList(o, "hosts"_L1, &m->hosts, false))
            return false;
        return decodeFileLimits(o, m) && readChatList(o, "history"_L1, &m->history, false);
    }
    case Type::Upload:
        return decodeUpload(o, m);
    case Type::File:
        return decodeFileFields(o, m);
    case Type::Joined:
        return readString(o, "name"_L1, &m->name, true) && readTime(o, &m->time)
                && readBool(o, "host"_L1, &m->host);
    case Type::Left:
        return readString(o, "name"_L1, &m->name, true)
                && readString(o, "reason"_L1, &m->reason, false) && readTime(o, &m->time);
    case Type::Renamed:
        return readString(o, "from"_L1, &m->from, true) && readString(o, "to"_L1, &m->to, true)
                && readTime(o, &m->time);
    case Type::Error:
        return readString(o, "code"_L1, &m->code, true) && readString(o, "text"_L1, &m->text, false)
                && readString(o, "id"_L1, &m->id, false);
    case Type::Room:
        return readString(o, "room"_L1, &m->room, true) && readTime(o, &m->time);
    case Type::Kick:
    case Type::Ban:
    case Type::Unban:
    case Type::Lock:
    case Type::Passcode:
    case Type::Moderation:
    case Type::Access:
        return decodeAccess(o, m);
    case Type::Unknown:
        break;
    }
    return false;
}

QJsonObject chatObject(const Message &m)
{
    QJsonObject o{{"type"_L1, u"chat"_s}};
    if (m.seq > 0 || !m.from.isEmpty()) {
        o.insert("seq"_L1, double(m.seq));
        o.insert("from"_L1, m.from);
    }
    o.insert("text"_L1, m.text);
    if (m.time.isValid())
        o.insert("time"_L1, formatTime(m.time));
    if (!m.id.isEmpty())
        o.insert("id"_L1, m.id);
    if (!m.to.isEmpty())
        o.insert("to"_L1, m.to);
    return o;
}

QJsonObject fileObject(const Message &m)
{
    QJsonObject o{{"type"_L1, u"file"_s}, {"seq"_L1, double(m.seq)}, {"from"_L1, m.from}};
    if (m.time.isValid())
        o.insert("time"_L1, formatTime(m.time));
    if (!m.id.isEmpty())
        o.insert("id"_L1, m.id);
    if (!m.to.isEmpty())
        o.insert("to"_L1, m.to);
    o.insert("name"_L1, m.name);
    o.insert("size"_L1, double(m.size));
    if (!m.mime.isEmpty())
        o.insert("mime"_L1, m.mime);
    if (!m.sha256.isEmpty())
        o.insert("sha256"_L1, m.sha256);
    o.insert("url"_L1, m.url);
    if (!m.thumb.isEmpty())
        o.insert("thumb"_L1, m.thumb);
    if (m.width > 0 && m.height > 0) {
        o.insert("width"_L1, m.width);
        o.insert("height"_L1, m.height);
    }
    return o;
}

void insertUpload(QJsonObject &o, const Message &m)
{
    if (!m.id.isEmpty())
        o.insert("id"_L1, m.id);
    if (m.answer) {
        o.insert("upload"_L1, m.upload);
        o.insert("url"_L1, m.url);
        o.insert("offset"_L1, double(m.offset.value_or(0)));
        return;
    }
    o.insert("name"_L1, m.name);
    o.insert("size"_L1, double(m.size));
    if (!m.mime.isEmpty())
        o.insert("mime"_L1, m.mime);
    if (!m.sha256.isEmpty())
        o.insert("sha256"_L1, m.sha256);
    if (!m.to.isEmpty())
        o.insert("to"_L1, m.to);
    if (!m.upload.isEmpty())
        o.insert("upload"_L1, m.upload);
}

// The numbered messages of history, search and welcome: chat and file.
QJsonArray chatArray(const QList<Message> &lines)
{
    QJsonArray array;
    for (const Message &line : lines)
        array.append(line.type == Type::File ? fileObject(line) : chatObject(line));
    return array;
}

void insertPaging(QJsonObject &o, const Message &m, QLatin1StringView listKey)
{
    if (m.type == Type::Search)
        o.insert("query"_L1, m.query);
    if (m.before)
        o.insert("before"_L1, double(*m.before));
    if (m.limit)
        o.insert("limit"_L1, double(*m.limit));
    if (m.answer) {
        o.insert(listKey, chatArray(m.messages));
        o.insert("complete"_L1, m.complete);
    }
}

QJsonArray blockedArray(const QList<BlockedAddress> &blocked)
{
    QJsonArray array;
    for (const BlockedAddress &b : blocked) {
        QJsonObject o{{"address"_L1, b.address}, {"name"_L1, b.name}, {"ban"_L1, b.ban}};
        if (b.until.isValid())
            o.insert("until"_L1, formatTime(b.until));
        array.append(o);
    }
    return array;
}

void insertAccess(QJsonObject &o, const Message &m)
{
    switch (m.type) {
    case Type::Kick:
    case Type::Ban:
        o.insert("name"_L1, m.name);
        break;
    case Type::Unban:
        o.insert("address"_L1, m.address);
        break;
    case Type::Lock:
        o.insert("locked"_L1, m.locked);
        break;
    case Type::Passcode:
        o.insert("passcode"_L1, m.passcode);
        break;
    case Type::Moderation:
        o.insert("action"_L1, m.action);
        o.insert("by"_L1, m.by);
        if (!m.name.isEmpty())
            o.insert("name"_L1, m.name);
        o.insert("time"_L1, formatTime(m.time));
        break;
    case Type::Access:
        o.insert("passcode"_L1, m.passcode);
        o.insert("locked"_L1, m.locked);
        o.insert("blocked"_L1, blockedArray(m.blocked));
        break;
    default:
        break;
    }
}

QJsonObject toObject(const Message &m)
{
    QJsonObject o;
    if (m.type == Type::Chat)
        return chatObject(m);
    if (m.type == Type::File)
        return fileObject(m);
    o.insert("type"_L1, m.type == Type::Unknown ? m.typeName : typeName(m.type));
    switch (m.type) {
    case Type::Join:
        o.insert("name"_L1, m.name);
        if (m.after)
            o.insert("after"_L1, double(*m.after));
        if (!m.instance.isEmpty())
            o.insert("instance"_L1, m.instance);
        if (!m.token.isEmpty())
            o.insert("token"_L1, m.token);
        if (!m.passcode.isEmpty())
            o.insert("passcode"_L1, m.passcode);
        if (!m.hostToken.isEmpty())
            o.insert("hostToken"_L1, m.hostToken);
        break;
    case Type::Rename:
        o.insert("name"_L1, m.name);
        break;
    case Type::Welcome: {
        o.insert("v"_L1, m.version);
        o.insert("you"_L1, m.you);
        o.insert("room"_L1, m.room);
        o.insert("instance"_L1, m.instance);
        if (!m.token.isEmpty())
            o.insert("token"_L1, m.token);
        o.insert("users"_L1, QJsonArray::fromStringList(m.users));
        o.insert("seq"_L1, double(m.seq));
        o.insert("truncated"_L1, m.truncated);
        o.insert("historyComplete"_L1, m.historyComplete);
        o.insert("maxText"_L1, m.maxText);
        if (m.files) {
            QJsonObject files{{"maxBytes"_L1, double(m.files->maxBytes)}};
            if (!m.files->types.isEmpty())
                files.insert("types"_L1, QJsonArray::fromStringList(m.files->types));
            o.insert("files"_L1, files);
        }
        o.insert("history"_L1, chatArray(m.history));
        if (m.host)
            o.insert("host"_L1, true);
        if (!m.hosts.isEmpty())
            o.insert("hosts"_L1, QJsonArray::fromStringList(m.hosts));
        break;
    }
    case Type::Joined:
        o.insert("name"_L1, m.name);
        o.insert("time"_L1, formatTime(m.time));
        if (m.host)
            o.insert("host"_L1, true);
        break;
    case Type::Left:
        o.insert("name"_L1, m.name);
        o.insert("reason"_L1, m.reason);
        o.insert("time"_L1, formatTime(m.time));
        break;
    case Type::Renamed:
        o.insert("from"_L1, m.from);
        o.insert("to"_L1, m.to);
        o.insert("time"_L1, formatTime(m.time));
        break;
    case Type::Error:
        o.insert("code"_L1, m.code);
        o.insert("text"_L1, m.text);
        if (!m.id.isEmpty())
            o.insert("id"_L1, m.id);
        break;
    case Type::Room:
        o.insert("room"_L1, m.room);
        o.insert("time"_L1, formatTime(m.time));
        break;
    case Type::History:
        insertPaging(o, m, "messages"_L1);
        break;
    case Type::Search:
        insertPaging(o, m, "results"_L1);
        break;
    case Type::Kick:
    case Type::Ban:
    case Type::Unban:
    case Type::Lock:
    case Type::Passcode:
    case Type::Moderation:
    case Type::Access:
        insertAccess(o, m);
        break;
    case Type::Upload:
        insertUpload(o, m);
        break;
    case Type::File:
    case Type::Chat:
    case Type::Ping:
    case Type::Pong:
    case Type::Unknown:
        break;
    }
    return o;
}

} // namespace

bool operator==(const Message &a, const Message &b)
{
    return a.type == b.type && a.typeName == b.typeName && a.name == b.name && a.text == b.text
            && a.id == b.id && a.from == b.from && a.to == b.to && a.seq == b.seq
            && a.after == b.after && a.instance == b.instance && a.token == b.token
            && a.time == b.time && a.reason == b.reason && a.code == b.code
            && a.version == b.version && a.you == b.you && a.room == b.room && a.users == b.users
            && a.history == b.history && a.truncated == b.truncated
            && a.historyComplete == b.historyComplete && a.maxText == b.maxText
            && a.answer == b.answer && a.before == b.before && a.limit == b.limit
            && a.query == b.query && a.messages == b.messages && a.complete == b.complete
            && a.size == b.size && a.mime == b.mime && a.sha256 == b.sha256 && a.upload == b.upload
            && a.url == b.url && a.offset == b.offset && a.thumb == b.thumb && a.width == b.width
            && a.height == b.height && a.files == b.files && a.host == b.host && a.hosts == b.hosts
            && a.passcode == b.passcode && a.hostToken == b.hostToken && a.address == b.address
            && a.locked == b.locked && a.action == b.action && a.by == b.by
            && a.blocked == b.blocked;
}

QString typeName(Type type)
{
    for (const auto &[t, name] : typeNames) {
        if (t == type)
            return name.toString();
    }
    return {};
}

Type typeFromName(QStringView name)
{
    for (const auto &[t, n] : typeNames) {
        if (n == name)
            return t;
    }
    return Type::Unknown;
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

std::optional<Message> decode(QByteArrayView utf8, DecodeError *error, QString *unknownType)
{
    auto fail = [error](DecodeError e) -> std::optional<Message> {
        if (error)
            *error = e;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(DecodeError::NotJson);
    if (!doc.isObject())
        return fail(DecodeError::NotObject);
    const QJsonObject o = doc.object();
    const QJsonValue type = o.value("type"_L1);
    if (!type.isString())
        return fail(DecodeError::MissingType);
    Message m;
    m.typeName = type.toString();
    m.type = typeFromName(m.typeName);
    if (m.type == Type::Unknown) {
        if (unknownType)
            *unknownType = m.typeName;
        return fail(DecodeError::UnknownType);
    }
    if (!decodeObject(o, &m))
        return fail(DecodeError::BadField);
    if (error)
        *error = DecodeError::None;
    return m;
}

std::optional<Message> decode(const QString &frame, DecodeError *error, QString *unknownType)
{
    return decode(QByteArrayView(frame.toUtf8()), error, unknownType);
}

QByteArray encode(const Message &message)
{
    return QJsonDocument(toObject(message)).toJson(QJsonDocument::Compact);
}

QString encodeText(const Message &message)
{
    return QString::fromUtf8(encode(message));
}

Message join(const QString &name)
{
    Message m;
    m.type = Type::Join;
    m.name = name;
    return m;
}

Message chat(const QString &text, const QString &id, const QString &to)
{
    Message m;
    m.type = Type::Chat;
    m.text = text;
    m.id = id;
    m.to = to;
    return m;
}

Message rename(const QString &name)
{
    Message m;
    m.type = Type::Rename;
    m.name = name;
    return m;
}

Message ping()
{
    Message m;
    m.type = Type::Ping;
    return m;
}

Message error(QStringView code, const QString &text)
{
    Message m;
    m.type = Type::Error;
    m.code = code.toString();
    m.text = text;
    return m;
}

Message historyRequest(std::optional<qint64> before, std::optional<qint64> limit)
{
    Message m;
    m.type = Type::History;
    m.before = before;
    m.limit = limit;
    return m;
}

Message searchRequest(const QString &query, std::optional<qint64> before,
                      std::optional<qint64> limit)
{
    Message m;
    m.type = Type::Search;
    m.query = query;
    m.before = before;
    m.limit = limit;
    return m;
}

namespace {

Message moderation(Type type, const QString &name)
{
    Message m;
    m.type = type;
    m.name = name;
    return m;
}

} // namespace

Message kick(const QString &name)
{
    return moderation(Type::Kick, name);
}

Message ban(const QString &name)
{
    return moderation(Type::Ban, name);
}

Message unban(const QString &address)
{
    Message m = moderation(Type::Unban, {});
    m.address = address;
    return m;
}

Message lock(bool locked)
{
    Message m = moderation(Type::Lock, {});
    m.locked = locked;
    return m;
}

Message passcodeRequest(const QString &passcode)
{
    Message m = moderation(Type::Passcode, {});
    m.passcode = passcode;
    return m;
}

Message uploadRequest(const QString &name, qint64 size, const QString &id)
{
    Message m;
    m.type = Type::Upload;
    m.name = name;
    m.size = size;
    m.id = id;
    return m;
}

} // namespace Protocol
