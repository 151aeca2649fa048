#include "filestore.h"

#include "sha256.h"

#include <QDir>
#include <QFile>
#include <QStorageInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

FileStore::FileStore() = default;
FileStore::~FileStore() = default;

bool FileStore::open(const QString &folder, QString *problem)
{
    if (folder.isEmpty()) {
        m_temporary
                = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/lanchat-files-XXXXXX"_s);
        if (!m_temporary->isValid()) {
            if (problem)
                *problem = m_temporary->errorString();
            m_temporary.reset();
            return false;
        }
        m_folder = m_temporary->path();
        return true;
    }
    if (!QDir().mkpath(folder)) {
        if (problem)
            *problem = u"cannot create the folder %1"_s.arg(folder);
        return false;
    }
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_folder = folder;
    return true;
}

QString FileStore::filePath(const QString &id) const
{
    return m_folder + u'/' + id;
}

QString FileStore::thumbPath(const QString &id) const
{
    return m_folder + u'/' + id + u".thumb"_s;
}

QString FileStore::partPath(const QString &slot) const
{
    return m_folder + u'/' + slot + u".part"_s;
}

void FileStore::addFile(const File &file)
{
    if (m_files.contains(file.id))
        return;
    m_files.insert(file.id, file);
    m_fileBytes += file.size;
}

const FileStore::File *FileStore::file(const QString &id) const
{
    const auto found = m_files.constFind(id);
    return found == m_files.cend() ? nullptr : &*found;
}

void FileStore::describe(const QString &id, const QString &mime, bool hasThumb)
{
    const auto found = m_files.find(id);
    if (found != m_files.end()) {
        found->mime = mime;
        found->hasThumb = hasThumb;
    }
}

void FileStore::removeFile(const QString &id)
{
    const auto found = m_files.find(id);
    if (found != m_files.end()) {
        m_fileBytes -= found->size;
        m_files.erase(found);
    }
    // Unlinking is enough for a download in progress: it holds the file open.
    QFile::remove(filePath(id));
    QFile::remove(thumbPath(id));
}

void FileStore::removeStrays()
{
    if (m_folder.isEmpty())
        return;
    const QDir dir(m_folder);
    for (const QString &entry : dir.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        const QString id = entry.endsWith(u".thumb"_s) ? entry.chopped(6) : entry;
        if (!m_files.contains(id))
            QFile::remove(dir.filePath(entry));
    }
}

FileStore::Slot *FileStore::slot(const QString &id)
{
    const auto found = m_slots.find(id);
    return found == m_slots.end() ? nullptr : &*found;
}

FileStore::Slot &FileStore::addSlot(Slot slot)
{
    const QString id = slot.id;
    return *m_slots.insert(id, std::move(slot));
}

void FileStore::removeSlot(const QString &id)
{
    m_slots.remove(id);
    QFile::remove(partPath(id));
}

QStringList FileStore::expireSlots(qint64 nowMs, qint64 lifetimeMs)
{
    QStringList expired;
    for (const Slot &slot : std::as_const(m_slots)) {
        if (!slot.busy && nowMs - slot.lastByteMs >= lifetimeMs)
            expired.append(slot.id);
    }
    for (const QString &id : std::as_const(expired))
        removeSlot(id);
    return expired;
}

qint64 FileStore::usedBytes() const
{
    qint64 used = m_fileBytes;
    for (const Slot &slot : m_slots)
        used += slot.size;
    return used;
}

qint64 FileStore::freeBytes() const
{
    const QStorageInfo storage(m_folder);
    return storage.isValid() ? storage.bytesAvailable() : -1;
}
