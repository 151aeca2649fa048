#pragma once

#include <QDialog>
#include <QImage>

#include "fileinfo.h"

class QLabel;
class QNetworkAccessManager;

// A picture from the room at full size (fitted to the screen), fetched from the hub. Save keeps a
// copy in the Downloads folder.
class PictureViewer final : public QDialog
{
    Q_OBJECT
public:
    // The picture must be small enough to hold in memory (MaxBytes); larger ones are saved.
    static constexpr qint64 MaxBytes = 64 * 1024 * 1024;

    PictureViewer(const FileInfo &file, const QUrl &pageUrl, QWidget *parent = nullptr);
    QImage image() const { return m_image; }

Q_SIGNALS:
    void loaded();
    void saveRequested(const FileInfo &file);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showImage();

    FileInfo m_file;
    QLabel *m_label = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QImage m_image;
};
