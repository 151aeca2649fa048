// libFuzzer harness for the protocol codec (server/protocol): any bytes may come from a client or
// a hub. Whatever decodes must encode to JSON that decodes to the same message, and encoding that
// again must give the same bytes (decode -> encode -> decode is stable).
//
// Qt's JSON parser is not instrumented, so coverage alone hardly leads the fuzzer to well-formed
// messages with odd values. Inputs starting with '{' are taken as JSON; any other input describes
// a message, built from the protocol's own names with values chosen to sit on the edges.
#include "protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

const QStringList types{u"join"_s,     u"chat"_s,       u"rename"_s,  u"ping"_s,  u"welcome"_s,
                        u"joined"_s,   u"left"_s,       u"renamed"_s, u"error"_s, u"pong"_s,
                        u"dance"_s,    u"kick"_s,       u"ban"_s,     u"unban"_s, u"lock"_s,
                        u"passcode"_s, u"moderation"_s, u"access"_s};
const QStringList keys{u"name"_s,     u"text"_s,      u"id"_s,        u"from"_s,    u"to"_s,
                       u"seq"_s,      u"after"_s,     u"instance"_s,  u"token"_s,   u"time"_s,
                       u"reason"_s,   u"code"_s,      u"v"_s,         u"you"_s,     u"room"_s,
                       u"users"_s,    u"history"_s,   u"truncated"_s, u"maxText"_s, u"type"_s,
                       u"passcode"_s, u"hostToken"_s, u"host"_s,      u"hosts"_s,   u"address"_s,
                       u"locked"_s,   u"action"_s,    u"by"_s,        u"blocked"_s, u"ban"_s,
                       u"until"_s};

QJsonValue value(FuzzedDataProvider &in, int depth)
{
    static const double numbers[] = {0,
                                     1,
                                     -1,
                                     0.5,
                                     42,
                                     2147483647.0,
                                     2147483648.0,
                                     4294967295.0,
                                     9007199254740991.0,
                                     9007199254740992.0,
                                     1e300,
                                     -1e300,
                                     -0.0};
    static const QString strings[] = {QString(),
                                      u"a"_s,
                                      u" "_s,
                                      u"2026-11-23T14:05:09.120Z"_s,
                                      u"2026-11-23T14:05:09+01:00"_s,
                                      u"2026-11-23"_s,
                                      QString(QChar(0xd800)),
                                      u"😀"_s};
    switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0:
        return numbers[in.ConsumeIntegralInRange<size_t>(0, std::size(numbers) - 1)];
    case 1:
        return strings[in.ConsumeIntegralInRange<size_t>(0, std::size(strings) - 1)];
    case 2:
        return QString::fromUtf8(in.ConsumeRandomLengthString(40));
    case 3:
        return in.ConsumeBool();
    case 4:
        return QJsonValue::Null;
    case 5:
        return double(in.ConsumeIntegral<qint64>());
    default: {
        QJsonArray array;
        const int n = depth > 2 ? 0 : in.ConsumeIntegralInRange(0, 3);
        for (int i = 0; i < n; ++i) {
            if (in.ConsumeBool()) {
                QJsonObject o;
                const int fields = in.ConsumeIntegralInRange(0, 6);
                for (int f = 0; f < fields; ++f)
                    o.insert(keys.at(in.ConsumeIntegralInRange<int>(0, int(keys.size()) - 1)),
                             value(in, depth + 1));
                array.append(o);
            } else {
                array.append(value(in, depth + 1));
            }
        }
        return array;
    }
    }
}

QByteArray described(FuzzedDataProvider &in)
{
    QJsonObject o{{u"type"_s, types.at(in.ConsumeIntegralInRange<int>(0, int(types.size()) - 1))}};
    const int fields = in.ConsumeIntegralInRange(0, 12);
    for (int f = 0; f < fields; ++f)
        o.insert(keys.at(in.ConsumeIntegralInRange<int>(0, int(keys.size()) - 2)), value(in, 0));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!bytes.startsWith('{')) {
        FuzzedDataProvider in(data, size);
        bytes = described(in);
    }
    Protocol::DecodeError error = Protocol::DecodeError::None;
    QString unknownType;
    const auto first = Protocol::decode(QByteArrayView(bytes), &error, &unknownType);
    if (bool(first) != (error == Protocol::DecodeError::None))
        std::abort();
    if (!first)
        return 0;
    const QByteArray encoded = Protocol::encode(*first);
    const auto second = Protocol::decode(QByteArrayView(encoded), &error);
    if (!second || !(*second == *first))
        std::abort();
    if (Protocol::encode(*second) != encoded)
        std::abort();
    return 0;
}
