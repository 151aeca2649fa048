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

    JoinResult join(MemberId id, const QString &wanted, const Protocol::Message *request);
    JoinResult joinAsGuest(MemberId id);
    RenameResult rename(MemberId id, const QString &wanted);
    QString leave(MemberId id); // the name it had, or empty

    std::optional<Refusal> checkText(const QString &text) const; // empty / too_long
    // A chat message from a member (the hub makes a lurker a guest first): numbered, kept in the
    // history and queued for the store. Written by commit().
    Answer post(MemberId id, const QString &text, const QString &messageId);
    // A complete file (FileDesk): numbered and kept like chat; seq and time are set here.
    Answer postFile(Protocol::Message file);
    QList<Protocol::Message> storedFiles() const { return m_store.files(); }
    // What welcomes say about files (absent: files are off).
    void setFileLimits(const std::optional<Protocol::FileLimits> &limits) { m_fileLimits = limits; }
    Answer history(const Protocol::Message &request);
    Answer search(const Protocol::Message &request);

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
        QString token;
    };
    struct Line
    {
        Protocol::Message chat;
        qsizetype bytes = 0; // its JSON
    };

    QString uniqueName(const QString &wanted, MemberId owner) const;
    Answer record(Protocol::Message message);
    Protocol::Message welcome(const Member &member, const Protocol::Message *request) const;
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
    std::deque<Line> m_recent; // the newest config.historySize messages, for welcome
    std::vector<Protocol::Message> m_unwritten; // posted, not yet committed
    std::optional<Protocol::FileLimits> m_fileLimits;
};
