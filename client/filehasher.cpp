#include "filehasher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QPointer>
#include <QThreadPool>

#include "filelog.h"

#include <algorithm>

namespace {
constexpr qint64 ChunkBytes = 1024 * 1024;
}

std::shared_ptr<std::atomic_bool> FileHasher::start(const QString &path, QObject *context,
                                                    Done done, qint64 length)
{
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([path, guard, done = std::move(done), cancelled, length] {
        QString error;
        QString hex;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = file.errorString();
        } else {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            qint64 left = length < 0 ? file.size() : length;
            QByteArray chunk;
            while (left > 0 && !cancelled->load()) {
                chunk = file.read(std::min(left, ChunkBytes));
                if (chunk.isEmpty()) {
                    error = file.errorString();
                    break;
                }
                hash.addData(chunk);
                left -= chunk.size();
            }
            if (error.isEmpty())
                hex = QString::fromLatin1(hash.result().toHex());
        }
        if (cancelled->load())
            return;
        QObject *target = guard.data();
        if (!target)
            return;
        QMetaObject::invokeMethod(
                target,
                [guard, done, cancelled, hex, error] {
                    if (guard && !cancelled->load())
                        done(hex, error);
                },
                Qt::QueuedConnection);
    });
    return cancelled;
}
