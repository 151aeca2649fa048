#pragma once

#include <QFrame>
#include <QHash>

class Downloads;
class FileTransfers;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

// The transfers of this window, newest first: files being sent (progress, Cancel) and files
// being saved (progress, Cancel, Show in Folder once saved). Shows itself when a transfer starts;
// its Close button hides it until the next one.
class TransfersPanel final : public QFrame
{
    Q_OBJECT
public:
    TransfersPanel(FileTransfers *uploads, Downloads *downloads, QWidget *parent = nullptr);

    int rowCount() const { return int(m_rows.size()); }
    // A person-readable reason for an upload's or download's error code.
    static QString reasonText(const QString &code, qint64 maxBytes = 0);

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QLabel *title = nullptr;
        QLabel *status = nullptr;
        QProgressBar *progress = nullptr;
        QPushButton *cancel = nullptr;
        QPushButton *show = nullptr;
    };
    Row &row(const QString &key, const QString &name);
    void showStatus(Row &row, const QString &text, bool failed, bool active);
    void updateUpload(const QString &id);
    void updateDownload(const QString &id);

    FileTransfers *m_uploads = nullptr; // not owned
    Downloads *m_downloads = nullptr; // not owned
    QVBoxLayout *m_rowsLayout = nullptr;
    QScrollArea *m_scroll = nullptr;
    QHash<QString, Row> m_rows;
};
