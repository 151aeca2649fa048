#include "messagestore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using Protocol::Message;

Q_LOGGING_CATEGORY(lcStore, "lanchat.server.store", QtInfoMsg)

namespace {

// Schema version 1 (migrate() brings it to the current version). The FTS5 index holds only the
// text (a file message's text is the file's name, so search finds files); its rows are the
// messages' seq.
constexpr const char *schema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS messages(
    seq INTEGER PRIMARY KEY,
    time INTEGER NOT NULL,
    sender TEXT NOT NULL,
    text TEXT NOT NULL,
    id TEXT);
CREATE INDEX IF NOT EXISTS messages_time ON messages(time);
CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5(
    text, content='messages', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER IF NOT EXISTS messages_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, text) VALUES (new.seq, new.text);
END;
CREATE TRIGGER IF NOT EXISTS messages_ad AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.seq, old.text);
END;
)sql";

// Columns added after version 1, each added to an older file when it is opened (in any order, so
// files written by any earlier version open). Version 2: private messages — the recipient's name,
// and the SHA-256 of the sender's and the recipient's person keys (NULL for public messages).
// Version 3: files — a file message's description beyond its name, as JSON (NULL for chat).
struct AddedColumn
{
    const char *name;
    const char *sql;
};
constexpr AddedColumn addedColumns[] = {
        {"recipient", "ALTER TABLE messages ADD COLUMN recipient TEXT"},
        {"sender_key", "ALTER TABLE messages ADD COLUMN sender_key BLOB"},
        {"recipient_key", "ALTER TABLE messages ADD COLUMN recipient_key BLOB"},
        {"file", "ALTER TABLE messages ADD COLUMN file TEXT"},
};
constexpr int schemaVersion = 3;

// What a reader may see: public messages, and private ones it sent or received (?N: its key hash,
// NULL for a connection without one, which matches no private message).
#define READABLE_BY(n) \
    "(m.recipient_key IS NULL OR m.sender_key = ?" n " OR m.recipient_key = ?" n ")"
#define MESSAGE_COLUMNS "m.seq, m.time, m.sender, m.text, m.id, m.recipient, m.file"

class Statement
{
public:
    explicit Statement(sqlite3_stmt *statement)
        : m_statement(statement)
    { }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    sqlite3_stmt *get() const { return m_statement; }
    explicit operator bool() const { return m_statement != nullptr; }

private:
    sqlite3_stmt *m_statement;
};

void bindText(sqlite3_stmt *statement, int index, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

QString columnText(sqlite3_stmt *statement, int column)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
                             sqlite3_column_bytes(statement, column));
}

void bindBlob(sqlite3_stmt *statement, int index, const QByteArray &blob)
{
    if (blob.isEmpty())
        sqlite3_bind_null(statement, index);
    else
        sqlite3_bind_blob(statement, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
}

void bindOptionalText(sqlite3_stmt *statement, int index, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(statement, index);
    else
        bindText(statement, index, text);
}

// A file message's description beyond its name (the text) and recipient, as compact JSON in the
// `file` column.
QByteArray fileColumn(const Message &m)
{
    QJsonObject o{{"file"_L1, m.upload},
                  {"size"_L1, double(m.size)},
                  {"mime"_L1, m.mime},
                  {"sha256"_L1, m.sha256},
                  {"url"_L1, m.url}};
    if (!m.thumb.isEmpty())
        o.insert("thumb"_L1, m.thumb);
    if (m.width > 0 && m.height > 0) {
        o.insert("width"_L1, m.width);
        o.insert("height"_L1, m.height);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void readFileColumn(const QByteArray &json, Message *m)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    m->type = Protocol::Type::File;
    m->name = m->text;
    m->text.clear();
    m->upload = o.value("file"_L1).toString();
    m->size = qint64(o.value("size"_L1).toDouble());
    m->mime = o.value("mime"_L1).toString();
    m->sha256 = o.value("sha256"_L1).toString();
    m->url = o.value("url"_L1).toString();
    m->thumb = o.value("thumb"_L1).toString();
    m->width = o.value("width"_L1).toInt();
    m->height = o.value("height"_L1).toInt();
}

bool isCorruption(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// "word"* for each word: a prefix phrase, quoted so that FTS5 syntax in the words is only text.
QString matchExpression(const QStringList &words)
{
    QStringList phrases;
    for (QString word : words)
        phrases.append(u'"' + word.replace(u'"', u"\"\""_s) + u"\"*"_s);
    return phrases.join(u' ');
}

} // namespace

MessageStore::~MessageStore()
{
    close();
}

QByteArray MessageStore::keyHash(const QString &key)
{
    if (key.isEmpty())
        return {};
    return QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
}

// Brings a file written by an older version to the current schema, in one transaction.
bool MessageStore::migrate(Failure *failure)
{
    QList<QByteArray> columns;
    {
        Statement info(prepare("PRAGMA table_info(messages)"));
        if (!info)
            return fail(failure, u"cannot read the schema"_s);
        while (sqlite3_step(info.get()) == SQLITE_ROW)
            columns.append(reinterpret_cast<const char *>(sqlite3_column_text(info.get(), 1)));
    }
    if (!exec("BEGIN IMMEDIATE", failure))
        return false;
    for (const AddedColumn &column : addedColumns) {
        if (!columns.contains(QByteArray(column.name)) && !exec(column.sql, failure)) {
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            return false;
        }
    }
    const QByteArray version = QByteArray::number(schemaVersion);
    const QByteArray setVersion
            = "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', '" + version + "')";
    if (!exec(setVersion.constData(), failure) || !exec("COMMIT", failure)) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }
    return true;
}

bool MessageStore::fail(Failure *failure, const QString &what) const
{
    const int code = m_db ? sqlite3_extended_errcode(m_db) : SQLITE_CANTOPEN;
    if (failure) {
        failure->reason = u"%1: %2"_s.arg(what,
                                          m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                                               : QString::fromUtf8(sqlite3_errstr(code)));
        failure->corrupt = isCorruption(code);
    }
    return false;
}

bool MessageStore::exec(const char *sql, Failure *failure)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return fail(failure, QString::fromLatin1(sql).simplified().left(40));
    return true;
}

sqlite3_stmt *MessageStore::prepare(const char *sql) const
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
        != SQLITE_OK) {
        qCWarning(lcStore) << "cannot prepare" << sql << ":" << sqlite3_errmsg(m_db);
        return nullptr;
    }
    return statement;
}

bool MessageStore::open(const QString &path, Failure *failure)
{
    close();
    const QByteArray name = path.isEmpty() ? QByteArrayLiteral(":memory:") : path.toUtf8();
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(name.constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        fail(failure, u"cannot open %1"_s.arg(path));
        close();
        return false;
    }
    m_path = path;
    sqlite3_extended_result_codes(m_db, 1);
    // WAL: a commit is one append to the log, readers never wait. synchronous=NORMAL: a committed
    // transaction survives the process being killed (the OS still holds it); only a power cut can
    // take back the last commits, never corrupt the file.
    const bool ok = (path.isEmpty() || exec("PRAGMA journal_mode=WAL", failure))
            && exec("PRAGMA synchronous=NORMAL", failure)
            // Reads of a large store through the page cache mapped, not one read() per page.
            && exec("PRAGMA mmap_size=268435456", failure) && exec(schema, failure)
            && migrate(failure);
    if (ok) {
        m_insert = prepare("INSERT INTO messages(seq, time, sender, text, id, recipient, "
                           "sender_key, recipient_key, file) VALUES (?,?,?,?,?,?,?,?,?)");
        m_setMeta = prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)");
    }
    if (!ok || !m_insert || !m_setMeta) {
        if (ok)
            fail(failure, u"cannot prepare"_s);
        close();
        return false;
    }
    return true;
}

void MessageStore::close()
{
    sqlite3_finalize(m_insert);
    sqlite3_finalize(m_setMeta);
    m_insert = m_setMeta = nullptr;
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_path.clear();
}

QString MessageStore::meta(const QString &key) const
{
    Statement query(prepare("SELECT value FROM meta WHERE key = ?"));
    if (!query)
        return {};
    bindText(query.get(), 1, key);
    return sqlite3_step(query.get()) == SQLITE_ROW ? columnText(query.get(), 0) : QString();
}

bool MessageStore::setMeta(const QString &key, const QString &value, Failure *failure)
{
    sqlite3_reset(m_setMeta);
    bindText(m_setMeta, 1, key);
    bindText(m_setMeta, 2, value);
    if (sqlite3_step(m_setMeta) != SQLITE_DONE)
        return fail(failure, u"cannot write"_s);
    return true;
}

bool MessageStore::append(const std::vector<Entry> &entries, qint64 seq, Failure *failure)
{
    if (!exec("BEGIN IMMEDIATE", failure))
        return false;
    for (const Entry &entry : entries) {
        const Message &m = entry.chat;
        sqlite3_reset(m_insert);
        sqlite3_bind_int64(m_insert, 1, m.seq);
        sqlite3_bind_int64(m_insert, 2, m.time.toMSecsSinceEpoch());
        bindText(m_insert, 3, m.from);
        const bool isFile = m.type == Protocol::Type::File;
        bindText(m_insert, 4, isFile ? m.name : m.text); // a file's name is what search finds
        bindOptionalText(m_insert, 5, m.id);
        bindOptionalText(m_insert, 6, m.to);
        bindBlob(m_insert, 7, entry.isPrivate() ? entry.senderKey : QByteArray());
        bindBlob(m_insert, 8, entry.recipientKey);
        if (isFile) {
            const QByteArray file = fileColumn(m);
            sqlite3_bind_text(m_insert, 9, file.constData(), int(file.size()), SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_null(m_insert, 9);
        }
        if (sqlite3_step(m_insert) != SQLITE_DONE) {
            fail(failure, u"cannot write"_s);
            sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
            return false;
        }
    }
    if (!setMeta(u"seq"_s, QString::number(seq), failure) || !exec("COMMIT", failure)) {
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
        return false;
    }
    return true;
}

qint64 MessageStore::lastSeq() const
{
    qint64 seq = meta(u"seq"_s).toLongLong();
    Statement query(prepare("SELECT max(seq) FROM messages"));
    if (query && sqlite3_step(query.get()) == SQLITE_ROW)
        seq = std::max(seq, qint64(sqlite3_column_int64(query.get(), 0)));
    return seq;
}

qint64 MessageStore::oldestSeq() const
{
    Statement query(prepare("SELECT min(seq) FROM messages"));
    if (query && sqlite3_step(query.get()) == SQLITE_ROW)
        return sqlite3_column_int64(query.get(), 0);
    return 0;
}

namespace {

// One row of MESSAGE_COLUMNS.
Message messageAt(sqlite3_stmt *statement)
{
    Message m;
    m.type = Protocol::Type::Chat;
    m.seq = sqlite3_column_int64(statement, 0);
    m.time = QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(statement, 1), Qt::UTC);
    m.from = columnText(statement, 2);
    m.text = columnText(statement, 3);
    if (sqlite3_column_type(statement, 4) != SQLITE_NULL)
        m.id = columnText(statement, 4);
    if (sqlite3_column_type(statement, 5) != SQLITE_NULL)
        m.to = columnText(statement, 5);
    if (sqlite3_column_type(statement, 6) != SQLITE_NULL)
        readFileColumn(columnText(statement, 6).toUtf8(), &m);
    return m;
}

QByteArray columnBlob(sqlite3_stmt *statement, int column)
{
    return QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, column)),
                      sqlite3_column_bytes(statement, column));
}

} // namespace

QList<Message> MessageStore::readMessages(sqlite3_stmt *statement) const
{
    QList<Message> messages;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW)
        messages.append(messageAt(statement));
    if (step != SQLITE_DONE)
        qCWarning(lcStore) << "cannot read messages:" << sqlite3_errmsg(m_db);
    return messages;
}

std::vector<MessageStore::Entry> MessageStore::newest(int limit) const
{
    std::vector<Entry> entries;
    Statement query(prepare("SELECT " MESSAGE_COLUMNS ", m.sender_key, m.recipient_key "
                            "FROM messages m ORDER BY m.seq DESC LIMIT ?"));
    if (!query)
        return entries;
    sqlite3_bind_int(query.get(), 1, limit);
    while (sqlite3_step(query.get()) == SQLITE_ROW) {
        entries.push_back(
                {messageAt(query.get()), columnBlob(query.get(), 7), columnBlob(query.get(), 8)});
    }
    std::reverse(entries.begin(), entries.end());
    return entries;
}

MessageStore::Page MessageStore::before(qint64 before, int limit, const QByteArray &reader,
                                        qint64 after) const
{
    Page page;
    Statement query(
            prepare("SELECT " MESSAGE_COLUMNS " FROM messages m WHERE m.seq < ?1 "
                    "AND m.seq > ?2 AND " READABLE_BY("3") " ORDER BY m.seq DESC LIMIT ?4"));
    if (!query)
        return page;
    sqlite3_bind_int64(query.get(), 1, before);
    sqlite3_bind_int64(query.get(), 2, after);
    bindBlob(query.get(), 3, reader);
    sqlite3_bind_int(query.get(), 4, limit + 1); // one more tells whether older ones exist
    page.messages = readMessages(query.get());
    page.complete = page.messages.size() <= limit;
    if (!page.complete)
        page.messages.removeLast();
    std::reverse(page.messages.begin(), page.messages.end());
    return page;
}

MessageStore::Page MessageStore::search(const QStringList &words, qint64 before, int limit,
                                        const QByteArray &reader) const
{
    Page page;
    Statement query(prepare("SELECT " MESSAGE_COLUMNS " FROM messages_fts f "
                            "JOIN messages m ON m.seq = f.rowid WHERE messages_fts MATCH ?1 "
                            "AND f.rowid < ?2 AND " READABLE_BY("3") " ORDER BY f.rowid DESC "
                                                                     "LIMIT ?4"));
    if (!query)
        return page;
    bindText(query.get(), 1, matchExpression(words));
    sqlite3_bind_int64(query.get(), 2, before);
    bindBlob(query.get(), 3, reader);
    sqlite3_bind_int(query.get(), 4, limit + 1);
    page.messages = readMessages(query.get());
    page.complete = page.messages.size() <= limit;
    if (!page.complete)
        page.messages.removeLast();
    return page;
}

QList<Message> MessageStore::files() const
{
    Statement query(prepare("SELECT " MESSAGE_COLUMNS " FROM messages m "
                            "WHERE m.file IS NOT NULL ORDER BY m.seq"));
    return query ? readMessages(query.get()) : QList<Message>();
}

int MessageStore::prune(qint64 cutoffMs, qint64 keep, int batch, Failure *failure,
                        QStringList *removedFiles)
{
    // The newest seq that may go: by age, or because `keep` newer ones exist.
    qint64 through = 0;
    if (cutoffMs > 0) {
        Statement query(prepare("SELECT max(seq) FROM messages WHERE time < ?"));
        if (query)
            sqlite3_bind_int64(query.get(), 1, cutoffMs);
        if (query && sqlite3_step(query.get()) == SQLITE_ROW)
            through = sqlite3_column_int64(query.get(), 0);
    }
    if (keep > 0) {
        Statement query(prepare("SELECT seq FROM messages ORDER BY seq DESC LIMIT 1 OFFSET ?"));
        if (query)
            sqlite3_bind_int64(query.get(), 1, keep);
        if (query && sqlite3_step(query.get()) == SQLITE_ROW)
            through = std::max(through, qint64(sqlite3_column_int64(query.get(), 0)));
    }
    if (through <= 0)
        return 0;
    Statement remove(prepare("DELETE FROM messages WHERE seq IN "
                             "(SELECT seq FROM messages WHERE seq <= ? ORDER BY seq LIMIT ?)"));
    if (!remove) {
        fail(failure, u"cannot prune"_s);
        return -1;
    }
    if (removedFiles) {
        // The files of the file messages about to go, so that they go too.
        Statement files(prepare("SELECT json_extract(file, '$.file') FROM messages WHERE seq IN "
                                "(SELECT seq FROM messages WHERE seq <= ? ORDER BY seq LIMIT ?) "
                                "AND file IS NOT NULL"));
        if (files) {
            sqlite3_bind_int64(files.get(), 1, through);
            sqlite3_bind_int(files.get(), 2, batch);
            while (sqlite3_step(files.get()) == SQLITE_ROW)
                removedFiles->append(columnText(files.get(), 0));
        }
    }
    sqlite3_bind_int64(remove.get(), 1, through);
    sqlite3_bind_int(remove.get(), 2, batch);
    if (sqlite3_step(remove.get()) != SQLITE_DONE) {
        fail(failure, u"cannot prune"_s);
        return -1;
    }
    return sqlite3_changes(m_db);
}
