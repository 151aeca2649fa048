#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include "hubconfig.h"
#include "messagestore.h"
#include "protocol.h"

#include <deque>
#include <optional>
#include <vector>

class QTimer;

// The room without its sockets: who is in it under which name (the naming rules), the sequence,
// the history and its store. The hub's session layer turns connections into calls on it; it knows
// no network and is tested on its own (tests/server/tst_room.cpp).
class Room final : public QObject
{
    Q_OBJECT
public:
    using MemberId = quint64; // chosen by the caller, unique among the members

    enum class StoreState {
        Persistent, // history is kept in a file
        Ephemeral, // asked for: nothing on disk
        NotSaving, // a file was wanted but cannot be used: in memory, storeProblem() says why
    };
    Q_ENUM(StoreState)

    // A request the room refuses: an error code (Protocol::ErrorCode) and a text for people.
    struct Refusal
    {
        QStringView code;
        QString text;
    };

    struct JoinResult
    {
        std::optional<Refusal> refusal;
        Protocol::Message welcome;
        std::optional<MemberId> replaced; // a connection of the same person that must go
    };
    struct RenameResult
    {
        std::optional<Refusal> refusal;
        std::optional<Protocol::Message> renamed; // unset: the name did not change
    };
    struct Answer
    {
        std::optional<Refusal> refusal;
        Protocol::Message message;
        QByteArray json; // post(): the message encoded once, for its size here and the hub's frame
        std::optional<MemberId> recipient; // post() of a private message: the only other reader
    };

    explicit Room(const HubConfig &config, QObject *parent = nullptr);
    ~Room() override;

    // Opens the store (a file under config.dataDir, or memory) and starts retention. Never fails:
    // a store that cannot be used leaves the room in memory (storeState() NotSaving).
    void open();
    StoreState storeState() const { return m_state; }
    QString storeProblem() const { return m_problem; }
    QString storePath() const { return m_store.path(); }
    static QString storeFileName(const QString &room);

    QString name() const { return m_config.room; }
    // The host renamed the room: later welcomes carry the new name (the store stays the one
    // opened under the name the room started with).
    void setName(const QString &name) { m_config.room = name; }
    QString instance() const { return m_instance; }
    qint64 seq() const { return m_seq; }
    int memberCount() const { return int(m_members.size()); }
    QStringList memberNames() const; // sorted case-insensitively
    QString memberName(MemberId id) const;
    // The member joined under `name` (compared as names clash), if any.
    std::optional<MemberId> memberNamed(const QString &name) const;

    JoinResult join(MemberId id, const QString &wanted, const Protocol::Message *request);
    JoinResult joinAsGuest(MemberId id);
    RenameResult rename(MemberId id, const QString &wanted);
    QString leave(MemberId id); // the name it had, or empty

    std::optional<Refusal> checkText(const QString &text) const; // empty / too_long
    // no_such_person unless `to` is empty or the name of another member.
    std::optional<Refusal> checkRecipient(MemberId from, const QString &to) const;
    // A chat message from a member (the hub makes a lurker a guest first): numbered, kept in the
    // history and queued for the store. Written by commit(). With `to`, a private message to the
    // member of that name (refused no_such_person when nobody else of that name is joined).
    Answer post(MemberId id, const QString &text, const QString &messageId, const QString &to = {});
    // history and search hold only what `reader` may read: public messages, and private ones the
    // member sent or received under its person key (a connection that has not joined: public
    // only).
    // The two people of a private file (`to` empty: a public one, no keys): the recipient's name
    // as the room knows it and both person keys' hashes, or a refusal (no_such_person).
    struct Parties
    {
        std::optional<Refusal> refusal;
        QString to;
        QByteArray senderKey;
        QByteArray recipientKey;
    };
    Parties parties(MemberId from, const QString &to) const;
    // A complete file (FileDesk): numbered and kept like chat; seq and time are set here.
    Answer postFile(Protocol::Message file, const QByteArray &senderKey,
                    const QByteArray &recipientKey);
    // Whether a joined member may read a private message with these key hashes.
    bool mayRead(MemberId reader, const QByteArray &senderKey,
                 const QByteArray &recipientKey) const;
    QList<Protocol::Message> storedFiles() const { return m_store.files(); }
    // What welcomes say about files (absent: files are off).
    void setFileLimits(const std::optional<Protocol::FileLimits> &limits) { m_fileLimits = limits; }
    Answer history(const Protocol::Message &request, std::optional<MemberId> reader = {});
    Answer search(const Protocol::Message &request, std::optional<MemberId> reader = {});

    // Writes what post() queued, in one transaction. The hub calls it before it sends the frames
    // of a round, so a message anyone received is on disk.
    void commit();
    void applyRetention();

Q_SIGNALS:
    void storeStateChanged(Room::StoreState state, const QString &problem);
    // Retention removed file messages: their files (ids) must go too.
    void filesExpired(const QStringList &fileIds);

private:
    struct Member
    {
        MemberId id = 0;
        QString name;
        QString token; // the person key: private messages follow it across connections
        QByteArray keyHash; // MessageStore::keyHash(token)
    };
    struct Line
    {
        MessageStore::Entry entry;
        qsizetype bytes = 0; // its JSON
    };

    QString uniqueName(const QString &wanted, MemberId owner) const;
    Answer record(MessageStore::Entry entry);
    QString personKey(const Protocol::Message *request) const;
    QByteArray readerKey(std::optional<MemberId> reader) const;
    Protocol::Message welcome(const Member &member, const Protocol::Message *request);
    void trimToBytes(QList<Protocol::Message> *newestLast, bool *complete) const;
    void goOnInMemory(const MessageStore::Failure &failure);
    void setState(StoreState state, const QString &problem);

    HubConfig m_config;
    MessageStore m_store;
    StoreState m_state = StoreState::Ephemeral;
    QString m_problem;
    QTimer *m_retention = nullptr; // child
    QString m_instance;
    qint64 m_seq = 0;
    qint64 m_oldest = 1; // the oldest seq still kept (m_seq + 1 when none)
    int m_nextGuest = 1;
    QHash<QString, Member> m_members; // clash key -> member
    QHash<MemberId, QString> m_keys; // member -> clash key
    QHash<QString, MemberId> m_holders; // person key (token) -> the member holding it now
    std::deque<Line> m_recent; // the newest config.historySize messages, for welcome
    std::vector<MessageStore::Entry> m_unwritten; // posted, not yet committed
    std::optional<Protocol::FileLimits> m_fileLimits;
};
