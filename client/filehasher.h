#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

// SHA-256 of a file, read in chunks on a pool thread: the window stays responsive and a file of
// any size costs one chunk of memory. The result comes back on the thread of `context`, and not at
// all when the context is gone or the hash was cancelled.
class FileHasher final
{
public:
    using Done = std::function<void(const QString &sha256Hex, const QString &error)>;

    // Hashes the first `length` bytes of path (all of it when length < 0).
    static std::shared_ptr<std::atomic_bool> start(const QString &path, QObject *context, Done done,
                                                   qint64 length = -1);
};
