#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include "fileinfo.h"
#include "transferwork.h"

class QFile;
class QNetworkAccessManager;
class QNetworkReply;

// Saves files from the room to the Downloads folder: streamed to "NAME.part" (never whole in
// memory), resumed with a Range request when the link breaks, checked against the SHA-256 of the
// `file` message, then renamed. An existing file is never overwritten: "name (2).ext".
class Downloads final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Running,
        Waiting, // the link broke: going on from what arrived, soon
        Verifying, // all bytes here, checking the SHA-256
        Done,
        Failed, // error says why (`sha256_mismatch`, `http_404`, or a reason)
        Cancelled,
    };
    Q_ENUM(State)

    struct Download
    {
        QString id;
        FileInfo file;
        QUrl url;
        QString path; // where it ends up
        qint64 received = 0;
        State state = State::Running;
        QString error;
        bool verified = false; // the SHA-256 matched (false when the message had none)
        int attempts = 0;
    };

    explicit Downloads(QObject *parent = nullptr);
    ~Downloads() override;

    // Where files go (default: the system's Downloads folder).
    void setFolder(const QString &folder) { m_folder = folder; }
    QString folder() const;
    void setRetryLimit(int milliseconds) { m_retryLimitMs = milliseconds; }

    // Fetches file from the room whose page is at pageUrl (http://HOST:PORT/).
    QString start(const FileInfo &file, const QUrl &pageUrl);
    void cancel(const QString &id);
    void retry(const QString &id);
    QList<Download> downloads() const { return m_downloads; }
    const Download *download(const QString &id) const;

    // "name.ext", or "name (2).ext", … : a name in folder that no file (nor a download's .part)
    // has yet.
    static QString freePath(const QString &folder, const QString &name);
    // Opens the file manager at path, with the file selected where the desktop allows it.
    static void showInFolder(const QString &path);

Q_SIGNALS:
    void added(const QString &id);
    void changed(const QString &id);

private:
    void get(Download &download);
    void onReadyRead(const QString &id, QNetworkReply *reply);
    void onFinished(const QString &id, QNetworkReply *reply);
    void verify(Download &download);
    void breakOff(Download &download, const QString &why);
    void finish(Download &download, State state, const QString &error = {});
    Download *find(const QString &id);

    QNetworkAccessManager *m_network = nullptr; // child
    QList<Download> m_downloads;
    TransferWork m_work;
    QHash<QString, QFile *> m_parts; // open .part files, children of this
    QString m_folder;
    quint64 m_counter = 0;
    int m_retryLimitMs = 30000;
};
