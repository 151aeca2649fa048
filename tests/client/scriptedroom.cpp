#include "scriptedroom.h"

#include <QDateTime>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

ScriptedRoom::ScriptedRoom(qint64 size, bool paging, QObject *parent)
    : QObject(parent)
    , m_size(size)
    , m_paging(paging)
{
    connect(&m_hub, &ScriptedHub::textReceived, this, [this](int connection, const QString &text) {
        if (const auto request = Protocol::decode(text))
            answer(connection, *request);
    });
}

QUrl ScriptedRoom::url() const
{
    return QUrl(u"ws://127.0.0.1:%1/ws"_s.arg(m_hub.port()));
}

void ScriptedRoom::say(const QString &text)
{
    m_extra.append(text);
    const QString frame = Protocol::encodeText(message(m_size + m_extra.size()));
    for (int i = 0; i < m_hub.connectionCount(); ++i)
        m_hub.sendText(i, frame);
}

Protocol::Message ScriptedRoom::message(qint64 seq) const
{
    Protocol::Message m;
    m.type = Protocol::Type::Chat;
    m.seq = seq;
    m.from = seq % 2 ? u"bob"_s : u"carol"_s;
    m.text = seq > m_size ? m_extra.at(seq - m_size - 1) : u"message %1"_s.arg(seq);
    m.time = QDateTime::currentDateTimeUtc().addSecs(seq - m_size - 1000);
    return m;
}

void ScriptedRoom::answer(int connection, const Protocol::Message &request)
{
    const qint64 newest = m_size + m_extra.size();
    Protocol::Message reply;
    switch (request.type) {
    case Protocol::Type::Join:
        reply.type = Protocol::Type::Welcome;
        reply.you = request.name;
        reply.room = u"R"_s;
        reply.instance = u"i1"_s;
        reply.users = {request.name, u"bob"_s};
        reply.seq = newest;
        for (qint64 seq = std::max<qint64>(1, newest - 199); seq <= newest; ++seq)
            reply.history.append(message(seq));
        reply.historyComplete = m_paging && newest <= 200;
        break;
    case Protocol::Type::History:
    case Protocol::Type::Search: {
        ++m_requests;
        if (!m_paging) {
            reply = Protocol::error(u"unknown_type"_s, u"Unknown message type."_s);
            break;
        }
        reply.type = request.type;
        reply.answer = true;
        reply.query = request.query;
        reply.before = request.before;
        const qint64 below = std::min(request.before.value_or(newest + 1), newest + 1);
        const qint64 limit = request.limit.value_or(100);
        qint64 seq = below - 1;
        for (; seq >= 1 && reply.messages.size() < limit; --seq) {
            const Protocol::Message m = message(seq);
            if (request.type == Protocol::Type::History || m.text.contains(request.query))
                reply.messages.append(m);
        }
        reply.complete = seq < 1;
        if (request.type == Protocol::Type::History)
            std::reverse(reply.messages.begin(), reply.messages.end()); // oldest first
        break;
    }
    default:
        return;
    }
    m_hub.sendText(connection, Protocol::encodeText(reply));
}
