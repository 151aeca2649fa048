#pragma once

#include <QHash>
#include <QNetworkReply>
#include <QString>

#include <atomic>
#include <memory>

// What the transfers of FileTransfers and Downloads have running, by transfer id: a SHA-256 on a
// pool thread and an HTTP request. stop() ends both, so a cancelled transfer reports nothing more.
class TransferWork final
{
public:
    void setHashing(const QString &id, std::shared_ptr<std::atomic_bool> cancelFlag)
    {
        m_hashing.insert(id, std::move(cancelFlag));
    }
    void hashDone(const QString &id) { m_hashing.remove(id); }
    void setReply(const QString &id, QNetworkReply *reply) { m_replies.insert(id, reply); }
    QNetworkReply *reply(const QString &id) const { return m_replies.value(id); }
    void replyDone(const QString &id) { m_replies.remove(id); }

    // receiver: the object the reply's signals are connected to (they are cut).
    void stop(const QString &id, QObject *receiver)
    {
        if (const auto flag = m_hashing.take(id))
            flag->store(true);
        if (QNetworkReply *reply = m_replies.take(id)) {
            reply->disconnect(receiver);
            reply->abort();
            reply->deleteLater();
        }
    }
    void stopAll(QObject *receiver)
    {
        const QStringList ids = m_hashing.keys() + m_replies.keys();
        for (const QString &id : ids)
            stop(id, receiver);
    }

private:
    QHash<QString, std::shared_ptr<std::atomic_bool>> m_hashing;
    QHash<QString, QNetworkReply *> m_replies;
};
