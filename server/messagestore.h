#pragma once

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

    // Appends chat and file messages and records `seq` as the room's sequence, in one transaction.
    bool append(const std::vector<Protocol::Message> &messages, qint64 seq, Failure *failure);
    qint64 lastSeq() const; // the newest seq ever stored (retention does not lower it)

    struct Page
    {
        QList<Protocol::Message> messages;
        bool complete = false; // nothing older exists
    };
    // The newest `limit` messages with seq < before, oldest first.
    Page before(qint64 before, int limit) const;
    // Messages whose text has every word of `words` (each as a prefix), seq < before, newest
    // first.
    Page search(const QStringList &words, qint64 before, int limit) const;
    qint64 oldestSeq() const; // 0 when empty
    QList<Protocol::Message> files() const; // every file message kept, oldest first

    // Deletes messages older than `cutoffMs` (ms since the epoch, 0: none) and all but the newest
    // `keep` (0: no count limit), at most `batch` rows per call. Returns the rows deleted, or -1;
    // the ids of the files of file messages deleted are appended to *removedFiles.
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
