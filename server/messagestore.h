#pragma once

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include "protocol.h"

#include <optional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

Q_DECLARE_LOGGING_CATEGORY(lcStore) // lanchat.server.store

// A room's chat messages in SQLite (the C API: docs/ARCHITECTURE.md says why): one file per room,
// or a private in-memory database for an ephemeral room; the same code either way. WAL journal, an
// FTS5 index on the text. Only ever used from the hub's thread.
class MessageStore final
{
public:
    MessageStore() = default;
    ~MessageStore();
    MessageStore(const MessageStore &) = delete;
    MessageStore &operator=(const MessageStore &) = delete;

    // What went wrong, for the person hosting the room and for the log.
    struct Failure
    {
        QString reason;
        bool corrupt = false; // the file is not a (sound) SQLite database
    };

    // path empty: in memory. On failure the store stays closed.
    bool open(const QString &path, Failure *failure);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; } // empty in memory

    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value, Failure *failure);

    // A chat message as kept: a private one (chat.to set) also carries the SHA-256 of its
    // sender's and its recipient's person keys (never the keys themselves), which decide who may
    // read it; a public one carries neither.
    struct Entry
    {
        Protocol::Message chat;
        QByteArray senderKey;
        QByteArray recipientKey;

        bool isPrivate() const { return !recipientKey.isEmpty(); }
        // reader: the SHA-256 of a person's key, or empty for a connection that has none.
        bool readableBy(const QByteArray &reader) const
        {
            return !isPrivate()
                    || (!reader.isEmpty() && (reader == senderKey || reader == recipientKey));
        }
    };
    static QByteArray keyHash(const QString &key); // SHA-256 of a person key; empty for none

    // Appends chat and file messages and records `seq` as the room's sequence, in one transaction.
    bool append(const std::vector<Entry> &entries, qint64 seq, Failure *failure);
    qint64 lastSeq() const; // the newest seq ever stored (retention does not lower it)

    struct Page
    {
        QList<Protocol::Message> messages;
        bool complete = false; // nothing older exists
    };
    // Pages and searches hold only what `reader` (a keyHash(), empty: public messages only) may
    // read. `complete`: no older message that reader may read exists (after `after`).
    // The newest `limit` messages with after < seq < before, oldest first.
    Page before(qint64 before, int limit, const QByteArray &reader = {}, qint64 after = 0) const;
    // Messages whose text has every word of `words` (each as a prefix), seq < before, newest
    // first.
    Page search(const QStringList &words, qint64 before, int limit,
                const QByteArray &reader = {}) const;
    qint64 oldestSeq() const; // 0 when empty
    QList<Protocol::Message> files() const; // every file message kept, oldest first
    // The newest `limit` messages with their keys, whoever may read them, oldest first (the
    // room's cache for welcomes).
    std::vector<Entry> newest(int limit) const;

    // Deletes messages older than `cutoffMs` (ms since the epoch, 0: none) and all but the newest
    // `keep` (0: no count limit), at most `batch` rows per call. Returns the rows deleted, or -1.
    int prune(qint64 cutoffMs, qint64 keep, int batch, Failure *failure,
              QStringList *removedFiles = nullptr);

private:
    bool exec(const char *sql, Failure *failure);
    bool migrate(Failure *failure);
    sqlite3_stmt *prepare(const char *sql) const;
    bool fail(Failure *failure, const QString &what) const;
    QList<Protocol::Message> readMessages(sqlite3_stmt *statement) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_setMeta = nullptr;
};
