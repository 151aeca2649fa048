#pragma once

#include <QObject>

#include "protocol.h"
#include "scriptedhub.h"

// A room of `size` chat messages (seq 1..size, "message N") behind a ScriptedHub that answers
// join, history and search as the protocol says, or, with paging off, refuses history and search
// as a hub that does not know them (error unknown_type).
class ScriptedRoom final : public QObject
{
    Q_OBJECT
public:
    explicit ScriptedRoom(qint64 size, bool paging = true, QObject *parent = nullptr);

    bool listen() { return m_hub.listen(); }
    QUrl url() const;
    ScriptedHub &hub() { return m_hub; }
    qint64 size() const { return m_size; }
    int requests() const { return m_requests; } // history and search requests seen
    // Sends a live chat message to every connection (the next seq).
    void say(const QString &text);

private:
    void answer(int connection, const Protocol::Message &request);
    Protocol::Message message(qint64 seq) const;

    ScriptedHub m_hub;
    qint64 m_size = 0;
    bool m_paging = true;
    int m_requests = 0;
    QList<QString> m_extra; // texts said live, seq m_size+1...
};
