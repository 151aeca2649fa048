#include "room.h"

#include "namerules.h"
#include "randomhex.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;
using Protocol::Message;
using Protocol::Type;
namespace ErrorCode = Protocol::ErrorCode;

namespace {

constexpr int retentionBatch = 10000; // rows deleted per step, so one step stays short
constexpr qsizetype maxQueryLength = 256;

qint64 clampLimit(const std::optional<qint64> &limit, int fallback, int most)
{
    return std::clamp<qint64>(limit.value_or(fallback), 1, most);
}

// Moves a damaged store (and its WAL files) aside; it is never deleted.
QString moveAside(const QString &path)
{
    const QString aside = u"%1.corrupt-%2"_s.arg(
            path, QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-hhmmss"_s));
    QFile::rename(path, aside);
    for (const auto &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(path + suffix))
            QFile::rename(path + suffix, aside + suffix);
    }
    return aside;
}

} // namespace

Room::Room(const HubConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_instance(Protocol::randomHex(8))
{ }

Room::~Room()
{
    commit();
}

QString Room::storeFileName(const QString &room)
{
    // Readable where it can be, never a path: letters, digits, '-', '_' and nothing else, plus a
    // hash of the exact name so that names differing only in the dropped characters do not meet.
    QString stem;
    for (const QChar c : room) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
        if (plain)
            stem.append(c);
        else if (!stem.endsWith(u'_'))
            stem.append(u'_');
    }
    const QByteArray hash = QCryptographicHash::hash(room.toUtf8(), QCryptographicHash::Sha256);
    return u"room-%1-%2.sqlite"_s.arg(stem.left(40), QString::fromLatin1(hash.toHex().left(12)));
}

void Room::open()
{
    MessageStore::Failure failure;
    bool opened = false;
    if (m_config.dataDir.isEmpty()) {
        opened = m_store.open({}, &failure);
        m_state = StoreState::Ephemeral;
    } else if (!QDir().mkpath(m_config.dataDir)) {
        failure.reason = u"cannot create the folder %1"_s.arg(m_config.dataDir);
    } else {
        const QString path = QDir(m_config.dataDir).filePath(storeFileName(m_config.room));
        opened = m_store.open(path, &failure);
        if (!opened && failure.corrupt) {
            const QString aside = moveAside(path);
            failure.reason = u"%1 is damaged (%2); it was moved aside to %3"_s.arg(
                    path, failure.reason, aside);
        }
        m_state = StoreState::Persistent;
    }
    if (opened) {
        const QString instance = m_store.meta(u"instance"_s);
        if (instance.isEmpty())
            m_store.setMeta(u"instance"_s, m_instance, nullptr);
        else
            m_instance = instance;
        m_store.setMeta(u"room"_s, m_config.room, nullptr);
        m_seq = m_store.lastSeq();
        for (MessageStore::Entry &entry : m_store.newest(std::max(0, m_config.historySize))) {
            const qsizetype bytes = Protocol::encode(entry.chat).size();
            m_recent.push_back({std::move(entry), bytes});
        }
        const qint64 oldest = m_store.oldestSeq();
        m_oldest = oldest > 0 ? oldest : m_seq + 1;
        if (m_state == StoreState::Persistent) {
            qCInfo(lcStore) << "room" << m_config.room << "keeps its history in" << m_store.path()
                            << "- seq" << m_seq;
        }
        setState(m_state, {});
    } else {
        goOnInMemory(failure);
    }

    m_retention = new QTimer(this);
    connect(m_retention, &QTimer::timeout, this, &Room::applyRetention);
    m_retention->start(m_config.retentionInterval);
    applyRetention();
}

void Room::setState(StoreState state, const QString &problem)
{
    m_state = state;
    m_problem = problem;
    Q_EMIT storeStateChanged(state, problem);
}

// The store cannot be used: say so once, and keep the room going in a store in memory that
// starts with the recent history, the same instance and the same sequence.
void Room::goOnInMemory(const MessageStore::Failure &failure)
{
    qCWarning(lcStore).noquote() << "history of room" << m_config.room
                                 << "is not being saved:" << failure.reason;
    const QString path = m_store.path();
    m_store.close();
    if (failure.corrupt && !path.isEmpty())
        moveAside(path);
    MessageStore::Failure again;
    if (!m_store.open({}, &again))
        qCCritical(lcStore) << "cannot open a store in memory:" << again.reason;
    std::vector<MessageStore::Entry> recent;
    for (const Line &line : m_recent)
        recent.push_back(line.entry);
    for (const MessageStore::Entry &entry : m_unwritten) {
        if (recent.empty() || recent.back().chat.seq < entry.chat.seq)
            recent.push_back(entry);
    }
    m_unwritten.clear();
    if (m_store.isOpen())
        m_store.append(recent, m_seq, nullptr);
    m_oldest = recent.empty() ? m_seq + 1 : recent.front().chat.seq;
    setState(StoreState::NotSaving, failure.reason);
}

void Room::commit()
{
    if (!m_store.isOpen()) // not even in memory: nothing to write to, nothing to keep
        m_unwritten.clear();
    if (m_unwritten.empty())
        return;
    MessageStore::Failure failure;
    if (m_store.append(m_unwritten, m_seq, &failure))
        m_unwritten.clear();
    else
        goOnInMemory(failure);
}

void Room::applyRetention()
{
    if (!m_store.isOpen())
        return;
    commit();
    const qint64 cutoff = m_config.keepDays > 0
            ? QDateTime::currentMSecsSinceEpoch() - qint64(m_config.keepDays) * 24 * 3600 * 1000
            : 0;
    MessageStore::Failure failure;
    QStringList files;
    const int removed
            = m_store.prune(cutoff, m_config.keepMessages, retentionBatch, &failure, &files);
    if (removed < 0) {
        goOnInMemory(failure);
        return;
    }
    if (!files.isEmpty())
        Q_EMIT filesExpired(files);
    if (removed == 0)
        return;
    const qint64 oldest = m_store.oldestSeq();
    m_oldest = oldest > 0 ? oldest : m_seq + 1;
    while (!m_recent.empty() && m_recent.front().entry.chat.seq < m_oldest)
        m_recent.pop_front();
    qCDebug(lcStore) << "retention removed" << removed << "messages; oldest now" << m_oldest;
    if (removed >= retentionBatch)
        QTimer::singleShot(0, this, &Room::applyRetention); // the rest, after other work
}

QStringList Room::memberNames() const
{
    QStringList names;
    names.reserve(m_members.size());
    for (const Member &member : m_members)
        names.append(member.name);
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

QString Room::memberName(MemberId id) const
{
    const auto key = m_keys.constFind(id);
    return key == m_keys.cend() ? QString() : m_members.value(*key).name;
}

std::optional<Room::MemberId> Room::memberNamed(const QString &name) const
{
    if (name.isEmpty())
        return std::nullopt;
    const auto member = m_members.constFind(NameRules::clashKey(name));
    return member == m_members.cend() ? std::nullopt : std::optional<MemberId>(member->id);
}

QString Room::uniqueName(const QString &wanted, MemberId owner) const
{
    auto isFree = [this, owner](const QString &candidate) {
        const auto holder = m_members.constFind(NameRules::clashKey(candidate));
        return holder == m_members.cend() || holder->id == owner;
    };
    if (isFree(wanted))
        return wanted;
    for (int n = 2;; ++n) {
        const QString candidate = NameRules::withSuffix(wanted, u'-' + QString::number(n));
        if (isFree(candidate))
            return candidate;
    }
}

static Room::Refusal badName()
{
    return {ErrorCode::BadName,
            u"A name must be 1 to 32 characters, visible, without control or format "
            "characters."_s};
}

Room::JoinResult Room::join(MemberId id, const QString &wanted, const Message *request)
{
    JoinResult result;
    if (m_keys.contains(id)) {
        result.refusal
                = Refusal{ErrorCode::AlreadyJoined, u"You have already joined; use rename."_s};
        return result;
    }
    QString name = NameRules::displayForm(wanted);
    if (name.isEmpty()) {
        result.refusal = badName();
        return result;
    }
    const QString key = NameRules::clashKey(name);
    if (request && !request->token.isEmpty()) {
        const auto holder = m_members.constFind(key);
        if (holder != m_members.cend() && holder->token == request->token) {
            // The same person reconnected before the old connection timed out: the new one takes
            // over, under the name the others know (even if typed in another case or look-alike).
            result.replaced = holder->id;
            name = holder->name;
            m_keys.remove(holder->id);
            m_holders.remove(holder->token);
            m_members.erase(holder);
        }
    }
    Member member{id, uniqueName(name, id), personKey(request), {}};
    member.keyHash = MessageStore::keyHash(member.token);
    const QString finalKey = NameRules::clashKey(member.name);
    m_keys.insert(id, finalKey);
    m_members.insert(finalKey, member);
    m_holders.insert(member.token, id);
    result.welcome = welcome(member, request);
    return result;
}

Room::JoinResult Room::joinAsGuest(MemberId id)
{
    QString guest;
    do {
        guest = u"guest-"_s + QString::number(m_nextGuest++);
    } while (m_members.contains(NameRules::clashKey(guest)));
    return join(id, guest, nullptr);
}

// A person key: the token of the join when it is a well-formed one (16-64 hex digits) that no
// connection holds now (the same person coming back, even after the host restarted), else a new
// one. It decides who reads private messages, so one held by someone else is never shared.
QString Room::personKey(const Message *request) const
{
    if (request) {
        const QString &token = request->token;
        const bool hex = std::all_of(token.cbegin(), token.cend(), [](QChar c) {
            return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        });
        if (hex && token.size() >= 16 && token.size() <= 64 && !m_holders.contains(token))
            return token;
    }
    return Protocol::randomHex(16);
}

QByteArray Room::readerKey(std::optional<MemberId> reader) const
{
    const auto key = reader ? m_keys.constFind(*reader) : m_keys.cend();
    return key == m_keys.cend() ? QByteArray() : m_members.value(*key).keyHash;
}

Message Room::welcome(const Member &member, const Message *request)
{
    Message welcome;
    welcome.type = Type::Welcome;
    welcome.you = member.name;
    welcome.room = m_config.room;
    welcome.instance = m_instance;
    welcome.token = member.token;
    welcome.users = memberNames();
    welcome.seq = m_seq;
    welcome.maxText = m_config.maxText;
    welcome.files = m_fileLimits;
    const bool resume = request && request->after && request->instance == m_instance;
    const qint64 after = resume ? *request->after : 0;
    // The newest messages after `after` that this person may read, bounded by count and by bytes:
    // one person's huge messages must not make every welcome huge. The rest is there through
    // `history`. They come from the cache of recent lines, and from the store when others'
    // private messages took room in the cache.
    const qsizetype most = std::max(0, m_config.historySize);
    QList<Message> newestFirst;
    qsizetype bytes = 0;
    bool more = false; // a message this person may read after `after` did not fit
    auto take = [&](const Message &chat, qsizetype size) {
        more = newestFirst.size() >= most || bytes + size > m_config.maxHistoryBytes;
        if (!more) {
            bytes += size;
            newestFirst.append(chat);
        }
        return !more;
    };
    qint64 scannedFrom = m_seq + 1; // every message from here on was looked at
    for (auto it = m_recent.crbegin(); it != m_recent.crend(); ++it) {
        const MessageStore::Entry &entry = it->entry;
        if (entry.chat.seq <= after)
            break;
        if (entry.readableBy(member.keyHash) && !take(entry.chat, it->bytes))
            break;
        scannedFrom = entry.chat.seq;
    }
    if (!more && scannedFrom > std::max(after + 1, m_oldest) && m_store.isOpen()) {
        commit();
        const MessageStore::Page older = m_store.before(scannedFrom, int(most - newestFirst.size()),
                                                        member.keyHash, after);
        for (auto it = older.messages.crbegin(); it != older.messages.crend() && !more; ++it)
            take(*it, Protocol::encode(*it).size());
        more = more || !older.complete;
    }
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        welcome.history.append(*it);
    welcome.historyComplete = !more && (after == 0 || m_oldest > after);
    if (resume)
        welcome.truncated = more || m_oldest > after + 1;
    return welcome;
}

Room::RenameResult Room::rename(MemberId id, const QString &wanted)
{
    RenameResult result;
    const auto key = m_keys.constFind(id);
    if (key == m_keys.cend()) {
        result.refusal = Refusal{ErrorCode::NotJoined, u"Join the room before renaming."_s};
        return result;
    }
    const QString display = NameRules::displayForm(wanted);
    if (display.isEmpty()) {
        result.refusal = badName();
        return result;
    }
    const QString name = uniqueName(display, id);
    Member member = m_members.take(*key);
    if (name == member.name) {
        m_members.insert(*key, member);
        return result;
    }
    Message renamed;
    renamed.type = Type::Renamed;
    renamed.from = member.name;
    renamed.to = name;
    renamed.time = QDateTime::currentDateTimeUtc();
    member.name = name;
    const QString newKey = NameRules::clashKey(name);
    m_keys.insert(id, newKey);
    m_members.insert(newKey, member);
    result.renamed = renamed;
    return result;
}

QString Room::leave(MemberId id)
{
    const auto key = m_keys.constFind(id);
    if (key == m_keys.cend())
        return {};
    const Member member = m_members.take(*key);
    m_keys.erase(key);
    m_holders.remove(member.token);
    return member.name;
}

std::optional<Room::Refusal> Room::checkText(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return Refusal{ErrorCode::Empty, u"An empty message was not sent."_s};
    if (text.size() > m_config.maxText) {
        return Refusal{ErrorCode::TooLong,
                       u"The message is longer than %1 characters and was not sent."_s.arg(
                               m_config.maxText)};
    }
    return std::nullopt;
}

std::optional<Room::Refusal> Room::checkRecipient(MemberId from, const QString &to) const
{
    if (to.isEmpty())
        return std::nullopt;
    const std::optional<MemberId> recipient = memberNamed(to);
    if (recipient && *recipient != from)
        return std::nullopt;
    return Refusal{
            ErrorCode::NoSuchPerson,
            u"There is nobody else named %1 in the room; the message was not delivered."_s.arg(to)};
}

Room::Answer Room::post(MemberId id, const QString &text, const QString &messageId,
                        const QString &to)
{
    Answer answer;
    answer.refusal = checkText(text);
    if (answer.refusal)
        return answer;
    MessageStore::Entry entry;
    if (!to.isEmpty()) {
        answer.refusal = checkRecipient(id, to);
        if (answer.refusal)
            return answer;
        answer.recipient = memberNamed(to);
        const Member recipient = m_members.value(m_keys.value(*answer.recipient));
        entry.chat.to = recipient.name;
        entry.senderKey = readerKey(id);
        entry.recipientKey = recipient.keyHash;
    }
    Message &chat = entry.chat;
    chat.type = Type::Chat;
    chat.from = memberName(id);
    chat.text = text;
    chat.id = messageId;
    const std::optional<MemberId> recipient = answer.recipient;
    answer = record(std::move(entry));
    answer.recipient = recipient;
    return answer;
}

// Numbers a message (chat or file), keeps it in the recent history and queues it for the store.
Room::Answer Room::record(MessageStore::Entry entry)
{
    Answer answer;
    Message &message = entry.chat;
    message.seq = ++m_seq;
    message.time = QDateTime::currentDateTimeUtc();
    answer.message = message;
    answer.json = Protocol::encode(message);
    m_unwritten.push_back(entry);
    m_recent.push_back({std::move(entry), answer.json.size()});
    while (m_recent.size() > size_t(std::max(0, m_config.historySize)))
        m_recent.pop_front();
    if (m_oldest > answer.message.seq)
        m_oldest = answer.message.seq;
    return answer;
}

Room::Parties Room::parties(MemberId from, const QString &to) const
{
    Parties parties;
    if (to.isEmpty())
        return parties;
    parties.refusal = checkRecipient(from, to);
    if (parties.refusal)
        return parties;
    const Member recipient = m_members.value(m_keys.value(*memberNamed(to)));
    parties.to = recipient.name;
    parties.senderKey = readerKey(from);
    parties.recipientKey = recipient.keyHash;
    return parties;
}

bool Room::mayRead(MemberId reader, const QByteArray &senderKey,
                   const QByteArray &recipientKey) const
{
    return MessageStore::Entry{{}, senderKey, recipientKey}.readableBy(readerKey(reader));
}

Room::Answer Room::postFile(Message file, const QByteArray &senderKey,
                            const QByteArray &recipientKey)
{
    file.type = Type::File;
    return record(
            {std::move(file), recipientKey.isEmpty() ? QByteArray() : senderKey, recipientKey});
}

// Drops the oldest messages of a page (oldest first) past the byte bound; at least one stays.
void Room::trimToBytes(QList<Message> *page, bool *complete) const
{
    qsizetype bytes = 0;
    qsizetype keep = 0;
    for (auto it = page->crbegin(); it != page->crend(); ++it, ++keep) {
        bytes += Protocol::encode(*it).size();
        if (keep > 0 && bytes > m_config.maxHistoryBytes)
            break;
    }
    if (keep < page->size()) {
        page->remove(0, page->size() - keep);
        *complete = false;
    }
}

Room::Answer Room::history(const Message &request, std::optional<MemberId> reader)
{
    commit(); // what this round posted is part of the answer
    Answer answer;
    Message &page = answer.message;
    page.type = Type::History;
    page.answer = true;
    page.before = std::min(request.before.value_or(m_seq + 1), m_seq + 1);
    const int limit = int(
            clampLimit(request.limit, Protocol::DefaultHistoryPage, Protocol::MaxHistoryPage));
    MessageStore::Page found = m_store.before(*page.before, limit, readerKey(reader));
    trimToBytes(&found.messages, &found.complete);
    page.messages = found.messages;
    page.complete = found.complete;
    return answer;
}

Room::Answer Room::search(const Message &request, std::optional<MemberId> reader)
{
    Answer answer;
    QStringList words;
    for (const QString &word : request.query.simplified().split(u' ', Qt::SkipEmptyParts)) {
        if (std::any_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            words.append(word);
    }
    if (words.isEmpty() || request.query.size() > maxQueryLength) {
        answer.refusal = Refusal{ErrorCode::BadQuery,
                                 u"A search needs a word of letters or digits (at most %1 "
                                 "characters in all)."_s.arg(maxQueryLength)};
        return answer;
    }
    commit();
    Message &result = answer.message;
    result.type = Type::Search;
    result.answer = true;
    result.query = request.query;
    const int limit
            = int(clampLimit(request.limit, Protocol::DefaultSearchPage, Protocol::MaxSearchPage));
    MessageStore::Page found
            = m_store.search(words, request.before.value_or(m_seq + 1), limit, readerKey(reader));
    // Newest first: the byte bound drops from the end.
    std::reverse(found.messages.begin(), found.messages.end());
    trimToBytes(&found.messages, &found.complete);
    std::reverse(found.messages.begin(), found.messages.end());
    result.messages = found.messages;
    result.complete = found.complete;
    return answer;
}
