#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QTemporaryDir;
class Sha256;

// A room's files on disk and what the hub knows of them, without any network: the folder
// (`<room file>.files/` beside the room's history, or a temporary folder for a room that keeps
// nothing, removed with this object), the complete files by id, the upload slots and their
// partial files, and the bytes they take against the quota. Only used from the hub's thread.
//
// In the folder: `<file id>` (a complete file), `<file id>.thumb` (its thumbnail), `<slot>.part`
// (an upload in progress). Ids are 32 random hex digits, never a name a person chose.
class FileStore final
{
public:
    struct File
    {
        QString id;
        QString name;
        QString mime;
        qint64 size = 0;
        bool hasThumb = false;
    };

    struct Slot
    {
        QString id;
        QString fileId; // the id the file gets when complete
        QString clientId; // the upload request's `id`
        QString from; // who sends it
        QString to; // a private file's recipient
        QByteArray senderKey; // a private file's person keys (hashes): who may read its message
        QByteArray recipientKey;
        QString name;
        qint64 size = 0;
        QByteArray expectedSha256; // lower-case hex, or empty
        qint64 offset = 0; // bytes on disk
        qint64 lastByteMs = 0; // wall clock of the last byte (or of the grant)
        bool busy = false; // a PUT is running
        std::shared_ptr<Sha256> hash; // of the bytes on disk; with the transfer while busy
    };

    FileStore();
    ~FileStore(); // a temporary folder goes with its files
    FileStore(const FileStore &) = delete;
    FileStore &operator=(const FileStore &) = delete;

    // folder empty: a temporary folder. False and *problem when it cannot be made.
    bool open(const QString &folder, QString *problem);
    QString folder() const { return m_folder; }
    bool isOpen() const { return !m_folder.isEmpty(); }

    QString filePath(const QString &id) const;
    QString thumbPath(const QString &id) const;
    QString partPath(const QString &slot) const;

    void addFile(const File &file);
    const File *file(const QString &id) const;
    void describe(const QString &id, const QString &mime, bool hasThumb);
    void removeFile(const QString &id); // the file and its thumbnail
    // Deletes what is in the folder but not known: partial files of a previous run (slots do
    // not outlive it) and files whose message never reached the history.
    void removeStrays();

    Slot *slot(const QString &id);
    Slot &addSlot(Slot slot);
    void removeSlot(const QString &id); // with its partial file
    // Slots whose last byte is older than lifetimeMs, removed; their ids.
    QStringList expireSlots(qint64 nowMs, qint64 lifetimeMs);

    // Complete files plus what the open slots will take when complete.
    qint64 usedBytes() const;
    // Free space where the files go (QStorageInfo); -1 when unknown.
    qint64 freeBytes() const;

private:
    QString m_folder;
    std::unique_ptr<QTemporaryDir> m_temporary;
    QHash<QString, File> m_files;
    QHash<QString, Slot> m_slots;
    qint64 m_fileBytes = 0;
};
