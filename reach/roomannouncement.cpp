#include "roomannouncement.h"

#include "reachlogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Discovery {

QHostAddress groupAddress()
{
    return QHostAddress(u"239.255.77.77"_s);
}

} // namespace Discovery

namespace {

bool hasControlCharacters(QStringView text)
{
    for (const QChar c : text) {
        const auto category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_Format
            || category == QChar::Separator_Line || category == QChar::Separator_Paragraph)
            return true;
    }
    return false;
}

bool isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > Discovery::MaxRoomIdLength)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

// An integer JSON number in [min, max], else nullopt.
std::optional<qint64> integerIn(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || d < double(min) || d > double(max))
        return std::nullopt;
    return qint64(d);
}

} // namespace

QByteArray RoomAnnouncement::encode() const
{
    QJsonObject object{
            {u"lanchat"_s, Discovery::FormatVersion},
            {u"v"_s, protocolVersion},
            {u"id"_s, id},
            {u"room"_s, room},
            {u"host"_s, host},
            {u"port"_s, int(port)},
            {u"people"_s, people},
            {u"interval"_s, qint64(interval.count())},
    };
    if (bye)
        object.insert(u"bye"_s, true);
    if (passcode)
        object.insert(u"passcode"_s, true);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<RoomAnnouncement> RoomAnnouncement::decode(QByteArrayView datagram,
                                                         DecodeError *error)
{
    const auto fail = [error](DecodeError why, const char *what) {
        if (error)
            *error = why;
        qCDebug(lcReach) << "ignoring announcement:" << what;
        return std::nullopt;
    };
    if (error)
        *error = DecodeError::None;

    if (datagram.size() > Discovery::MaxDatagramBytes)
        return fail(DecodeError::Oversized, "oversized datagram");

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(datagram.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(DecodeError::NotJson, "not a JSON object");
    const QJsonObject object = document.object();

    const QJsonValue magic = object.value(u"lanchat"_s);
    if (magic.isUndefined())
        return fail(DecodeError::WrongMagic, "no \"lanchat\" field");
    if (integerIn(magic, Discovery::FormatVersion, Discovery::FormatVersion) == std::nullopt)
        return fail(DecodeError::WrongVersion, "unsupported \"lanchat\" format version");

    RoomAnnouncement a;

    const auto version = integerIn(object.value(u"v"_s), 1, 1000);
    if (!version)
        return fail(DecodeError::BadField, "bad \"v\"");
    a.protocolVersion = int(*version);

    const QJsonValue id = object.value(u"id"_s);
    if (!id.isString() || !isValidId(id.toString()))
        return fail(DecodeError::BadField, "bad \"id\"");
    a.id = id.toString();

    const QJsonValue room = object.value(u"room"_s);
    a.room = room.toString().trimmed();
    if (!room.isString() || a.room.isEmpty() || a.room.size() > Discovery::MaxRoomNameLength
        || hasControlCharacters(a.room))
        return fail(DecodeError::BadField, "bad \"room\"");

    const QJsonValue host = object.value(u"host"_s);
    if (!host.isUndefined()) {
        a.host = host.toString().trimmed();
        if (!host.isString() || a.host.size() > Discovery::MaxHostNameLength
            || hasControlCharacters(a.host))
            return fail(DecodeError::BadField, "bad \"host\"");
    }

    const auto port = integerIn(object.value(u"port"_s), 1, 65535);
    if (!port)
        return fail(DecodeError::BadField, "bad \"port\"");
    a.port = quint16(*port);

    const auto people = integerIn(object.value(u"people"_s), 0, Discovery::MaxPeople);
    if (!people)
        return fail(DecodeError::BadField, "bad \"people\"");
    a.people = int(*people);

    const QJsonValue interval = object.value(u"interval"_s);
    if (!interval.isUndefined()) {
        const auto ms = integerIn(interval, 1, 24 * 3600 * 1000);
        if (!ms)
            return fail(DecodeError::BadField, "bad \"interval\"");
        a.interval = std::clamp(std::chrono::milliseconds(*ms), Discovery::MinInterval,
                                Discovery::MaxInterval);
    }

    const QJsonValue bye = object.value(u"bye"_s);
    if (!bye.isUndefined()) {
        if (!bye.isBool())
            return fail(DecodeError::BadField, "bad \"bye\"");
        a.bye = bye.toBool();
    }

    const QJsonValue passcode = object.value(u"passcode"_s);
    if (!passcode.isUndefined()) {
        if (!passcode.isBool())
            return fail(DecodeError::BadField, "bad \"passcode\"");
        a.passcode = passcode.toBool();
    }
    return a;
}

QString RoomAnnouncement::newRoomId()
{
    const quint64 value = QRandomGenerator::system()->generate64();
    return u"%1"_s.arg(value, 16, 16, QChar(u'0'));
}
